package io.replicator.psk;

import org.bouncycastle.tls.AlertDescription;
import org.bouncycastle.tls.TlsFatalAlert;
import org.bouncycastle.tls.TlsFatalAlertReceived;

/**
 * Names the reason of a failed handshake from what BouncyCastle raised or received. TLS alerts do
 * not say "wrong key" outright; the mapping follows what stunnel 5.68 / OpenSSL 3.0 and BC send
 * (checked in PskNegativeTest and PskStunnelInteropTest):
 * <ul>
 * <li>a wrong key breaks the PSK binder: BC raises decrypt_error, OpenSSL 3 (stunnel) raises
 *     illegal_parameter ("binder does not verify"); a client receiving either during the
 *     handshake reports wrong_key;</li>
 * <li>an unknown identity leaves the server without PSK and without certificate: handshake_failure.</li>
 * </ul>
 */
final class PskFailureClassifier {
    private PskFailureClassifier() {
    }

    record Verdict(PskFailureReason reason, String detail) {
    }

    static Verdict classify(boolean server, HandshakeFacts facts, Throwable cause) {
        if (cause instanceof TlsFatalAlertReceived received) {
            short alert = received.getAlertDescription();
            String what = "peer sent alert " + AlertDescription.getText(alert);
            if (!server && !facts.completed) {
                if (alert == AlertDescription.decrypt_error || alert == AlertDescription.illegal_parameter) {
                    return new Verdict(PskFailureReason.WRONG_KEY, what + ": the server holds a different key for our identity");
                }
                if (alert == AlertDescription.handshake_failure || alert == AlertDescription.unknown_psk_identity) {
                    return new Verdict(PskFailureReason.UNKNOWN_IDENTITY, what + ": the server does not know our identity");
                }
            }
            return new Verdict(PskFailureReason.OTHER, what);
        }
        if (cause instanceof TlsFatalAlert raised) {
            short alert = raised.getAlertDescription();
            String what = "alert " + AlertDescription.getText(alert) + raisedMessage(raised);
            if (server && !facts.completed) {
                if (facts.identity == null && facts.unknownIdentity != null) {
                    return new Verdict(PskFailureReason.UNKNOWN_IDENTITY,
                            "client identity '" + facts.unknownIdentity + "' is not in the key file");
                }
                if (alert == AlertDescription.decrypt_error && facts.identity != null) {
                    return new Verdict(PskFailureReason.WRONG_KEY,
                            what + ": the client holds a different key for identity '" + facts.identity + "'");
                }
            }
            if (!server && !facts.completed && alert == AlertDescription.decrypt_error) {
                return new Verdict(PskFailureReason.WRONG_KEY, what + ": the server holds a different key");
            }
            return new Verdict(PskFailureReason.OTHER, what);
        }
        return new Verdict(PskFailureReason.OTHER, String.valueOf(cause));
    }

    private static String raisedMessage(TlsFatalAlert alert) {
        String message = alert.getMessage();
        // BC's message is either its alert text again or a short reason such as "Invalid PSK binder".
        return message == null || message.startsWith(AlertDescription.getName(alert.getAlertDescription()))
                ? "" : " (" + message + ")";
    }
}
