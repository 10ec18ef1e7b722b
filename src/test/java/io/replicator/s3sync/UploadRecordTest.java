package io.replicator.s3sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The journal's resume record, the multipart ETag of listed parts, and the protection value objects. */
class UploadRecordTest {
    private static final long MIB = 1024 * 1024;

    @Test
    void aRecordRoundTripsAndResumesOnlyTheSameSourceVersionInTheSameLayout() {
        ObjectEntry e = new ObjectEntry("k", 20 * MIB, "0123456789abcdef0123456789abcdef-4", Instant.ofEpochMilli(1234));
        PartLayout layout = PartLayout.multipart(e.size(), 5 * MIB);
        UploadRecord r = UploadRecord.of(e, layout);
        assertThat(UploadRecord.decode(r.encode())).isEqualTo(r);
        assertThat(r.resumableAs(UploadRecord.of(e, layout))).isTrue();
        ObjectEntry changed = new ObjectEntry("k", e.size(), "ffffffffffffffffffffffffffffffff-4", e.lastModified());
        assertThat(r.resumableAs(UploadRecord.of(changed, layout))).isFalse();
        assertThat(r.resumableAs(UploadRecord.of(e, PartLayout.multipart(e.size(), 8 * MIB)))).isFalse();

        ObjectEntry local = new ObjectEntry("k", e.size(), null, Instant.ofEpochMilli(5));
        UploadRecord noEtag = UploadRecord.of(local, layout);
        assertThat(UploadRecord.decode(noEtag.encode())).isEqualTo(noEtag);
        assertThat(noEtag.resumableAs(UploadRecord.of(local, layout))).isTrue();
        assertThat(noEtag.resumableAs(UploadRecord.of(new ObjectEntry("k", e.size(), null, Instant.ofEpochMilli(6)),
                layout))).isFalse();

        assertThat(UploadRecord.decode("")).isNull();
        assertThat(UploadRecord.decode("v1 x 1 2 3 4")).isNull();
        assertThat(UploadRecord.decode("v2 x 1 - y 4")).isNull();
    }

    @Test
    void listedPartEtagsAddUpToTheObjectsMultipartEtag(@TempDir Path dir) throws Exception {
        byte[] data = new byte[(int) (12 * MIB)];
        new Random(5).nextBytes(data);
        PartLayout layout = PartLayout.multipart(data.length, 5 * MIB);
        List<String> parts = new ArrayList<>();
        for (int n = 1; n <= layout.partCount(); n++) {
            int off = (int) layout.partOffset(n);
            parts.add("\"" + Md5.hex(Arrays.copyOfRange(data, off, off + (int) layout.partLength(n))) + "\"");
        }
        Path file = Files.write(dir.resolve("f"), data);
        assertThat(Md5.multipartEtag(parts)).isEqualTo(Md5.etagOf(file, layout));
        assertThat(Md5.multipartEtag(List.of("not-an-md5"))).isNull();
    }

    @Test
    void storageClassAndCustomerKeyValues() {
        assertThat(DestinationProtection.StorageClass.parse(null)).isEqualTo(DestinationProtection.StorageClass.SERVER_DEFAULT);
        ObjectProtection cold = new ObjectProtection("COLD", null, null, false);
        assertThat(DestinationProtection.StorageClass.parse("source").forCopyOf(cold)).isEqualTo("COLD");
        assertThat(DestinationProtection.StorageClass.parse("source").forCopyOf(ObjectProtection.NONE)).isEqualTo("STANDARD");
        assertThat(DestinationProtection.StorageClass.parse("STANDARD_IA").forCopyOf(cold)).isEqualTo("STANDARD_IA");
        assertThatThrownBy(() -> DestinationProtection.StorageClass.parse("cold")).isInstanceOf(IllegalArgumentException.class);

        String text = "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=";
        CustomerKey key = CustomerKey.fromBase64(text);
        assertThat(key.base64()).isEqualTo(text);
        assertThat(key.toString()).isEqualTo("****");
        assertThatThrownBy(() -> CustomerKey.fromBase64("c2hvcnQ=")).hasMessage(
                "must be a 256-bit key (32 bytes, base64-encoded), got 5 bytes");
        assertThatThrownBy(() -> CustomerKey.fromBase64("%%%")).hasMessageNotContaining("%%%");
    }
}
