package io.replicator.s3sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The ETag check of uploads sent without payload signatures (issue 12: no more aws-chunked). */
class UploadCheckTest {
    private static final byte[] DATA = "the bytes of one part".getBytes();
    private static final String MD5 = Md5.hex(DATA);

    private final AtomicInteger attempts = new AtomicInteger();

    private ReopeningBody body() {
        return new ReopeningBody(new ByteArrayInputStream(DATA), () -> new ByteArrayInputStream(DATA));
    }

    /** Plays the server: reads the body as the HTTP client would, answers with the ETag it is given. */
    private UploadCheck.Answer send(ReopeningBody body, UploadCheck.Answer answer) {
        attempts.incrementAndGet();
        try (InputStream in = body.newStream()) {
            in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return answer;
    }

    @Test
    void aDamagedUploadIsSentAgainUntilTheEtagIsTheMd5OfTheBytes() {
        ReopeningBody body = body();
        String etag = UploadCheck.verified("PUT of 'k'", body, () -> send(body, new UploadCheck.Answer(
                attempts.get() == 0 ? "\"00000000000000000000000000000000\"" : "\"" + MD5 + "\"", null, null)));
        assertThat(Etags.normalize(etag)).isEqualTo(MD5);
        assertThat(attempts).hasValue(2);
    }

    @Test
    void anUploadThatStaysDamagedFailsNamingBothDigests() {
        ReopeningBody body = body();
        assertThatThrownBy(() -> UploadCheck.verified("part 2 of 'k'", body,
                () -> send(body, new UploadCheck.Answer("\"0123456789abcdef0123456789abcdef\"", "AES256", null))))
                .hasMessageContaining("part 2 of 'k'").hasMessageContaining("0123456789abcdef0123456789abcdef")
                .hasMessageContaining(MD5);
        assertThat(attempts).hasValue(UploadCheck.ATTEMPTS);
    }

    @Test
    void etagsThatAreNoMd5AreNotTakenForOne() {
        for (UploadCheck.Answer a : new UploadCheck.Answer[] {
                new UploadCheck.Answer("\"0123456789abcdef0123456789abcdef\"", "aws:kms", null),
                new UploadCheck.Answer("\"0123456789abcdef0123456789abcdef\"", null, "AES256"),
                new UploadCheck.Answer("\"\"", null, null)}) {
            attempts.set(0);
            ReopeningBody body = body();
            assertThat(UploadCheck.verified("PUT", body, () -> send(body, a))).isEqualTo(a.etag());
            assertThat(attempts).hasValue(1);
        }
    }
}
