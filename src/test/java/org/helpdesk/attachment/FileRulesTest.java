package org.helpdesk.attachment;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/** The filename, content type and disposition rules of API §8. */
class FileRulesTest {

    @Test
    void aFilenameLosesAnyPathOfEitherKind() {
        assertThat(FileRules.filename("C:\\Users\\ann\\report.pdf")).isEqualTo("report.pdf");
        assertThat(FileRules.filename("../../etc/passwd")).isEqualTo("passwd");
    }

    @Test
    void controlAndDirectionCharactersAreRemoved() {
        assertThat(FileRules.filename("in\u0000vo\u0007ice\n.pdf")).isEqualTo("invoice.pdf");
        assertThat(FileRules.filename("photo\u202Egpj.exe")).isEqualTo("photogpj.exe");
    }

    @Test
    void anEmptyOrDotsOnlyNameIsFile() {
        assertThat(FileRules.filename(null)).isEqualTo("file");
        assertThat(FileRules.filename("  ")).isEqualTo("file");
        assertThat(FileRules.filename("a/..")).isEqualTo("file");
        assertThat(FileRules.filename("dir/")).isEqualTo("file");
    }

    @Test
    void aLongNameIsCutAt255WithoutSplittingACharacter() {
        assertThat(FileRules.filename("x".repeat(400))).hasSize(255);
        String emoji = "x".repeat(254) + "\uD83D\uDE00" + "tail";
        assertThat(FileRules.filename(emoji)).isEqualTo("x".repeat(254));
    }

    @Test
    void theTypeComesFromTheBytes() {
        assertThat(type(FileApi.PNG)).isEqualTo("image/png");
        assertThat(type(FileApi.PDF)).isEqualTo("application/pdf");
        assertThat(type(FileApi.HTML)).isEqualTo("text/html");
        assertThat(type(new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff, (byte) 0xe0, 0, 0x10, 'J', 'F', 'I', 'F', 0}))
                .isEqualTo("image/jpeg");
        assertThat(type("GIF89a\u0001\u0000\u0001\u0000".getBytes(StandardCharsets.ISO_8859_1))).isEqualTo("image/gif");
        assertThat(type(new byte[] {0, 1, 2, 3, (byte) 0xfe, (byte) 0x99, 7, 0, 0, 5})).isEqualTo("application/octet-stream");
    }

    @Test
    void onlyRasterImagesAreInline() {
        assertThat(FileRules.disposition("image/png", "a.png")).isEqualTo("inline");
        assertThat(FileRules.disposition("image/webp", "a.webp")).isEqualTo("inline");
        assertThat(FileRules.disposition("image/svg+xml", "a.svg")).isEqualTo("attachment; filename*=UTF-8''a.svg");
        assertThat(FileRules.disposition("text/html", "a.html")).startsWith("attachment;");
        assertThat(FileRules.disposition("application/pdf", "a.pdf")).startsWith("attachment;");
    }

    @Test
    void theDownloadNameIsPercentEncodedUtf8() {
        assertThat(FileRules.disposition("application/pdf", "Rechnung März \"final\";.pdf"))
                .isEqualTo("attachment; filename*=UTF-8''Rechnung%20M%C3%A4rz%20%22final%22%3B.pdf");
    }

    private static String type(byte[] content) {
        return FileRules.contentType(content, content.length);
    }
}
