package org.caveat.read;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.caveat.UnreadableDocumentException;

/**
 * Turns bytes into text: a byte-order mark decides when present; otherwise strict UTF-8, and
 * windows-1252 (the charset of old EDGAR files) when the bytes are not valid UTF-8. Binary content
 * is refused with a message that says what it looks like.
 */
final class Decoder {
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private Decoder() {
    }

    static String decode(byte[] bytes) throws UnreadableDocumentException {
        if (bytes.length >= 2 && (bytes[0] & 0xFF) == 0xFE && (bytes[1] & 0xFF) == 0xFF) {
            return new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16BE);
        }
        if (bytes.length >= 2 && (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xFE) {
            return new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16LE);
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
            int n = Math.min(b.length, 8192);
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
