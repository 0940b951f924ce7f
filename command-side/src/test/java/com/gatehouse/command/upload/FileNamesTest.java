package com.gatehouse.command.upload;

import com.gatehouse.api.common.SocietyId;
import com.gatehouse.api.upload.DocumentId;
import com.gatehouse.api.upload.UploadPurpose;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class FileNamesTest {

    @Test
    void onlyTheLastPathSegmentIsKept() {
        assertThat(FileNames.displayName("../../etc/passwd")).isEqualTo("passwd");
        assertThat(FileNames.displayName("C:\\Users\\ravi\\Pictures\\gate.png")).isEqualTo("gate.png");
        assertThat(FileNames.displayName("..")).isEqualTo("file");
        assertThat(FileNames.displayName("photos/")).isEqualTo("file");
        assertThat(FileNames.keySafe(FileNames.displayName("../..//.."))).isEqualTo("file");
    }

    @Test
    void controlAndBidiCharactersAreDropped() {
        assertThat(FileNames.displayName("a\u0000b\r\nc\t.png")).isEqualTo("ab c .png");
        // U+202E RIGHT-TO-LEFT OVERRIDE would show "exe.png" as "gnp.exe"
        assertThat(FileNames.displayName("photo\u202Egnp.exe")).isEqualTo("photognp.exe");
        assertThat(FileNames.displayName("  spaced   out .jpg ")).isEqualTo("spaced out .jpg");
    }

    @Test
    void theKeyFormIsPlainAscii() {
        assertThat(FileNames.keySafe("Résumé (final).pdf")).isEqualTo("Resume_final.pdf");
        assertThat(FileNames.keySafe("आधार कार्ड.png")).isEqualTo("png");
        assertThat(FileNames.keySafe(".hidden")).isEqualTo("hidden");
        assertThat(FileNames.keySafe("a..b...c.jpg")).isEqualTo("a.b.c.jpg");
        assertThat(FileNames.keySafe("x%2F..%2Fy.jpg")).isEqualTo("x_2F._2Fy.jpg");
        assertThat(FileNames.keySafe("visitor photo.jpg")).isEqualTo("visitor_photo.jpg");
    }

    @Test
    void longNamesAreShortenedKeepingTheExtension() {
        String longName = "a".repeat(300) + ".jpeg";
        assertThat(FileNames.displayName(longName)).hasSize(FileNames.MAX_DISPLAY).endsWith(".jpeg");
        assertThat(FileNames.keySafe(longName)).hasSize(FileNames.MAX_KEY).endsWith(".jpeg");
    }

    @Test
    void keysAreLaidOutBySocietyAndPurposeAndParseBack() {
        var society = SocietyId.random();
        var document = new DocumentId(UUID.randomUUID());
        String key = ObjectKeys.of(society, UploadPurpose.STAFF_PHOTO, document, "maid.png");
        assertThat(key).isEqualTo("societies/" + society + "/STAFF_PHOTO/" + document + "-maid.png");
        assertThat(ObjectKeys.parse(key)).hasValue(new ObjectKeys.Parsed(society, UploadPurpose.STAFF_PHOTO, document));
        assertThat(ObjectKeys.parse("societies/" + society + "/STAFF_PHOTO/../" + document + "-maid.png")).isEmpty();
        assertThat(ObjectKeys.parse("societies/" + society + "/OTHER/" + document + "-maid.png")).isEmpty();
        assertThat(ObjectKeys.parse(key + "/x")).isEmpty();
        assertThat(ObjectKeys.parse(null)).isEmpty();
    }
}
