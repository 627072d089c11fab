package org.caveat.read;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.caveat.UnreadableDocumentException;

/**
 * Turns bytes into text: a byte-order mark decides when present; UTF-16 without one is recognised by its
 * zero bytes; otherwise strict UTF-8, and windows-1252 (the charset of old EDGAR files) when the bytes
 * are not valid UTF-8. Binary content is refused with a message that says what it looks like.
 */
final class Decoder {
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    private static final int SNIFF = 8192;

    private Decoder() {
    }

    static String decode(byte[] bytes) throws UnreadableDocumentException {
        if (bytes.length >= 2 && (bytes[0] & 0xFF) == 0xFE && (bytes[1] & 0xFF) == 0xFF) {
            return refuseControl(new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16BE), "starts with a UTF-16 byte-order mark");
        }
        if (bytes.length >= 2 && (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xFE) {
            return refuseControl(new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16LE), "starts with a UTF-16 byte-order mark");
        }
        Charset utf16 = utf16WithoutMark(bytes);
        if (utf16 != null) {
            return refuseControl(new String(bytes, utf16), "looks like UTF-16 without a byte-order mark");
        }
        refuseBinary(bytes);
        int offset = 0;
        if (bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF) {
            offset = 3;
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, offset, bytes.length - offset))
                    .toString();
        } catch (CharacterCodingException notUtf8) {
            return new String(bytes, offset, bytes.length - offset, WINDOWS_1252);
        }
    }

    /**
     * UTF-16 text without a byte-order mark, as some Windows tools write it: in Latin-script text one byte
     * of nearly every pair is zero, and always the same one. Binary data has zero bytes too, but not in
     * one column with printable ASCII in the other.
     */
    private static Charset utf16WithoutMark(byte[] b) {
        int pairs = Math.min(b.length, SNIFF) / 2;
        if (pairs < 4) {
            return null;
        }
        int zeroEven = 0;
        int zeroOdd = 0;
        int asciiEven = 0;
        int asciiOdd = 0;
        for (int i = 0; i < pairs; i++) {
            int hi = b[2 * i] & 0xFF;
            int lo = b[2 * i + 1] & 0xFF;
            zeroEven += hi == 0 ? 1 : 0;
            zeroOdd += lo == 0 ? 1 : 0;
            asciiEven += printable(hi) ? 1 : 0;
            asciiOdd += printable(lo) ? 1 : 0;
        }
        if (zeroEven * 10 >= pairs * 9 && asciiOdd * 10 >= pairs * 9) {
            return StandardCharsets.UTF_16BE;
        }
        if (zeroOdd * 10 >= pairs * 9 && asciiEven * 10 >= pairs * 9) {
            return StandardCharsets.UTF_16LE;
        }
        return null;
    }

    private static boolean printable(int c) {
        return c >= 0x20 && c < 0x7F || c == '\t' || c == '\n' || c == '\r';
    }

    /** Decoded text with many control, unassigned or undecodable characters was not text in that charset. */
    private static String refuseControl(String text, String what) throws UnreadableDocumentException {
        int n = Math.min(text.length(), SNIFF);
        int control = 0;
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            int type = Character.getType(c);
            if (Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r' && c != '\f' || c == '\ufffd'
                    || type == Character.UNASSIGNED || type == Character.PRIVATE_USE) {
                control++;
            }
        }
        if (n > 0 && control * 10 > n) {
            throw new UnreadableDocumentException("the input " + what + " but is not UTF-16 text ("
                    + (100 * control / n) + "% control or undecodable characters in its first " + n
                    + " characters); Caveat reads plain text, HTML and EDGAR submission files");
        }
        return text;
    }

    private static void refuseBinary(byte[] b) throws UnreadableDocumentException {
        String what = null;
        if (startsWith(b, 0x89, 'P', 'N', 'G')) {
            what = "a PNG image";
        } else if (startsWith(b, '%', 'P', 'D', 'F')) {
            what = "a PDF file; extract its text first (for example with pdftotext)";
        } else if (startsWith(b, 'P', 'K', 3, 4)) {
            what = "a ZIP archive (or a Word/Excel file); unpack it or extract its text first";
        } else if (startsWith(b, 0x1F, 0x8B)) {
            what = "a gzip archive; decompress it first";
        } else if (startsWith(b, 0xFF, 0xD8, 0xFF)) {
            what = "a JPEG image";
        } else if (startsWith(b, 'G', 'I', 'F', '8')) {
            what = "a GIF image";
        } else if (startsWith(b, 0xD0, 0xCF, 0x11, 0xE0)) {
            what = "an old Microsoft Office file; save it as text or HTML first";
        } else {
            int n = Math.min(b.length, SNIFF);
            int control = 0;
            for (int i = 0; i < n; i++) {
                int c = b[i] & 0xFF;
                if (c == 0 || (c < 0x09) || (c > 0x0D && c < 0x20 && c != 0x1B)) {
                    control++;
                }
            }
            if (n > 0 && control * 10 > n) {
                what = "binary data (" + (100 * control / n) + "% control bytes in the first " + n + " bytes)";
            }
        }
        if (what != null) {
            throw new UnreadableDocumentException("the input looks like " + what
                    + "; Caveat reads plain text, HTML and EDGAR submission files");
        }
    }

    private static boolean startsWith(byte[] b, int... magic) {
        if (b.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if ((b[i] & 0xFF) != magic[i]) {
                return false;
            }
        }
        return true;
    }
}
