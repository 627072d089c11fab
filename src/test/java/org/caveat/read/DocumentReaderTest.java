package org.caveat.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.caveat.SourceFormat;
import org.caveat.UnreadableDocumentException;
import org.junit.jupiter.api.Test;

class DocumentReaderTest {

    @Test
    void plainUtf8IsTheInputItself() throws Exception {
        String text = "Acme Corp. reported revenue of €12 million.\n\nAbout Acme\n";
        ReadResult r = DocumentReader.read(text.getBytes(StandardCharsets.UTF_8), null);
        assertEquals(SourceFormat.PLAIN_TEXT, r.format());
        assertEquals(text, r.text());
    }

    @Test
    void invalidUtf8IsReadAsWindows1252() throws Exception {
        String text = "Acme\u2019s \u201cnew\u201d plan \u2013 fiscal 1999 results.";
        byte[] bytes = text.getBytes(Charset.forName("windows-1252"));
        ReadResult r = DocumentReader.read(bytes, null);
        assertEquals(text, r.text());
    }

    @Test
    void utf16WithBomIsDecoded() throws Exception {
        byte[] body = "Results rose.".getBytes(StandardCharsets.UTF_16LE);
        byte[] bytes = new byte[body.length + 2];
        bytes[0] = (byte) 0xFF;
        bytes[1] = (byte) 0xFE;
        System.arraycopy(body, 0, bytes, 2, body.length);
        assertEquals("Results rose.", DocumentReader.read(bytes, null).text());
    }

    @Test
    void htmlBlocksBecomeParagraphsAndRowsBecomeLines() throws Exception {
        String html = """
                <html><head><title>ignored title</title><style>p {color:red}</style></head><body>
                <div style="display:none"><ix:header><ix:hidden>dei:EntityCentralIndexKey 0000320193</ix:hidden></ix:header></div>
                <p><b>Acme Reports Results</b></p>
                <p>Revenue rose
                   10&nbsp;percent.<br>Margins improved.</p>
                <script>var x = 1;</script>
                <table><tr><td>Revenue</td><td>$ 12.1</td><td>$ 11.0</td></tr><tr><td>Net income</td><td>1.2</td><td>0.9</td></tr></table>
                <ul><li>First point</li><li>Second point</li></ul>
                </body></html>""";
        ReadResult r = DocumentReader.read(html.getBytes(StandardCharsets.UTF_8), null);
        assertEquals(SourceFormat.HTML, r.format());
        assertEquals("Acme Reports Results\n\nRevenue rose 10 percent.\nMargins improved.\n\nRevenue\t$ 12.1\t$ 11.0\n"
                + "Net income\t1.2\t0.9\n\nFirst point\n\nSecond point", r.text());
        assertFalse(r.text().contains("EntityCentralIndexKey"), "hidden inline-XBRL header is dropped");
        int title = r.text().indexOf("Acme Reports Results");
        assertEquals("Acme Reports Results".length(), r.emphasis().coveredLength(title, title + 20), "bold title is emphasised");
        assertEquals(0, r.emphasis().coveredLength(r.text().indexOf("Revenue rose"), r.text().indexOf("Margins")));
    }

    private static final String SUBMISSION = """
            <SEC-DOCUMENT>0001193125-14-000001.txt : 20140619
            <SEC-HEADER>0001193125-14-000001.hdr.sgml : 20140619
            CONFORMED SUBMISSION TYPE:\t8-K
            </SEC-HEADER>
            <DOCUMENT>
            <TYPE>8-K
            <SEQUENCE>1
            <TEXT>
            <html><body><p>FORM 8-K cover page</p></body></html>
            </TEXT>
            </DOCUMENT>
            <DOCUMENT>
            <TYPE>EX-99.1
            <SEQUENCE>2
            <TEXT>
            <html><body><p>ACME REPORTS RECORD QUARTER</p><p>Revenue rose.</p></body></html>
            </TEXT>
            </DOCUMENT>
            <DOCUMENT>
            <TYPE>EX-99.2
            <TEXT>
            Plain text exhibit.
            </TEXT>
            </DOCUMENT>
            </SEC-DOCUMENT>
            """;

    @Test
    void edgarEightKDefaultsToItsPressRelease() throws Exception {
        ReadResult r = DocumentReader.read(SUBMISSION.getBytes(StandardCharsets.UTF_8), null);
        assertEquals(SourceFormat.EDGAR_SUBMISSION, r.format());
        assertEquals("EX-99.1", r.documentType());
        assertEquals("ACME REPORTS RECORD QUARTER\n\nRevenue rose.", r.text());
    }

    @Test
    void edgarDocumentCanBeChosenByType() throws Exception {
        ReadResult r = DocumentReader.read(SUBMISSION.getBytes(StandardCharsets.UTF_8), "ex-99.2");
        assertEquals("EX-99.2", r.documentType());
        assertEquals("Plain text exhibit.", r.text().strip());
        ReadResult main = DocumentReader.read(SUBMISSION.getBytes(StandardCharsets.UTF_8), "8-K");
        assertEquals("FORM 8-K cover page", main.text());
    }

    @Test
    void missingEdgarDocumentNamesWhatThereIs() {
        UnreadableDocumentException e = assertThrows(UnreadableDocumentException.class,
                () -> DocumentReader.read(SUBMISSION.getBytes(StandardCharsets.UTF_8), "EX-10.1"));
        assertTrue(e.getMessage().contains("no document of type EX-10.1"), e.getMessage());
        assertTrue(e.getMessage().contains("8-K, EX-99.1, EX-99.2"), e.getMessage());
    }

    @Test
    void unclosedDocumentRunsToTheEnd() throws Exception {
        String s = "<DOCUMENT>\n<TYPE>10-K\n<TEXT>\nItem 1A. Risk Factors\n\nOur business is risky.";
        ReadResult r = DocumentReader.read(s.getBytes(StandardCharsets.UTF_8), null);
        assertEquals("10-K", r.documentType());
        assertTrue(r.text().contains("Our business is risky."));
    }

    @Test
    void documentTypeOnPlainTextIsAnError() {
        UnreadableDocumentException e = assertThrows(UnreadableDocumentException.class,
                () -> DocumentReader.read("just text".getBytes(StandardCharsets.UTF_8), "EX-99.1"));
        assertTrue(e.getMessage().contains("not an EDGAR submission"), e.getMessage());
    }

    @Test
    void pdfIsRefused() {
        UnreadableDocumentException e = assertThrows(UnreadableDocumentException.class,
                () -> DocumentReader.read("%PDF-1.7\n%âãÏÓ".getBytes(StandardCharsets.ISO_8859_1), null));
        assertTrue(e.getMessage().contains("PDF"), e.getMessage());
    }
}
