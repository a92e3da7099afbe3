package com.certportal.change;

import com.certportal.revocation.RevocationPreview;
import java.util.List;

/**
 * G: the answer for one order and one wish: whether a cancellation is needed, why (as message keys with
 * their arguments), the actions that do it for this order and this member (best first), and the ones
 * that would have, had they been possible, with the reason they are not.
 *
 * @param revocationPreview R4's outcome, when a revocation is offered (within 30 days it counts as a
 *     cancellation)
 */
public record ChangeAdvice(
        ChangeWish wish,
        Verdict verdict,
        List<Line> lines,
        List<Offer> offers,
        List<Unavailable> unavailable,
        RevocationPreview revocationPreview) {

    public ChangeAdvice {
        lines = List.copyOf(lines);
        offers = List.copyOf(offers);
        unavailable = List.copyOf(unavailable);
    }

    /** Whether this order must be cancelled (or revoked) for the change. */
    public enum Verdict {
        /** The portal offers another way; nothing is cancelled. */
        NO,
        /** G, licence count: not needed when a voucher code covers the extra licences. */
        NOT_IF_VOUCHER,
        /** Only by cancelling this pending order and ordering again. */
        YES,
        /** Only by revoking this issued order (R3 decides whether it counts as a cancellation) and ordering again. */
        REVOKE,
        /** The order is a request not yet approved: nothing was placed, so nothing to cancel. */
        NOT_PLACED,
        /** The order is closed already (canceled, revoked, rejected, withdrawn). */
        CLOSED;

        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        public String key() {
            return "change.verdict." + id();
        }
    }

    /** What the portal does instead of a cancellation, or the cancellation itself. */
    public enum Remedy {
        REISSUE,
        DOWNLOAD,
        REGISTER_VOUCHER,
        RENEW,
        CANCEL,
        REVOKE,
        REQUEST_SUPPORT_REVOCATION,
        ORDER_AGAIN;

        public String key() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }

    /** A message key and its arguments (arguments that are keys themselves, like a status, are translated). */
    public record Line(String key, List<Object> arguments) {
        public Line {
            arguments = List.copyOf(arguments);
        }

        public static Line of(String key, Object... arguments) {
            return new Line(key, List.of(arguments));
        }
    }

    /**
     * An action offered, on {@code orderNumber} (usually this order; a reissue may be of the renewal
     * that renewed it); {@code certificateId} for a download.
     */
    public record Offer(Remedy remedy, String orderNumber, String certificateId, List<Line> notes) {

        public Offer {
            notes = List.copyOf(notes);
        }

        /** The page the action starts on (the forms' stable URLs). */
        public String path() {
            return switch (remedy) {
                case REISSUE -> "/orders/" + orderNumber + "/reissue";
                case DOWNLOAD -> "/orders/" + orderNumber + "#certificate-" + certificateId;
                case REGISTER_VOUCHER -> "/orders/" + orderNumber + "/vouchers";
                case RENEW -> "/orders/new?renewalOf=" + orderNumber;
                case CANCEL -> "/orders/" + orderNumber + "/cancel";
                case REVOKE -> "/orders/" + orderNumber + "/revoke";
                case REQUEST_SUPPORT_REVOCATION -> "/orders/" + orderNumber + "/support-revocation";
                case ORDER_AGAIN -> "/orders/new";
            };
        }
    }

    /** An action that would answer the wish, and why this member cannot take it on this order. */
    public record Unavailable(Remedy remedy, Line why) {}
}
