package io.replicator.s3sync;

import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * Decides per key (rclone's NeedTransfer, without HEADs): missing -> COPY; sizes differ -> UPDATE;
 * ETags of the same format and equal -> SKIP; both ETags equal to the pair the sync state recorded
 * when this tool last copied or verified the key -> SKIP_RECORDED; ETags of the same format that
 * differ -> UPDATE; anything else cannot be shown equal -> UNPROVEN (copied or verified, never
 * skipped). A local file without a stored ETag gets one computed in the format of the other side's
 * ETag; two local sides compare size and modification time.
 */
final class SyncPlanner {

    /** Supplies an ETag for an entry that has none, in the format of {@code otherEtag}. */
    interface EtagResolver {
        EtagResolver NONE = (entry, other) -> null;

        String etagLike(ObjectEntry entry, String otherEtag);
    }

    private final EtagResolver sourceEtags;
    private final EtagResolver destinationEtags;
    private final SyncState state;

    SyncPlanner(EtagResolver sourceEtags, EtagResolver destinationEtags, SyncState state) {
        this.sourceEtags = sourceEtags;
        this.destinationEtags = destinationEtags;
        this.state = state;
    }

    Decision decide(ListingMerger.Pair p) {
        ObjectEntry s = p.source();
        ObjectEntry d = p.destination();
        if (d == null) {
            return new Decision(Decision.Action.COPY, p.key(), s, null, "missing on destination");
        }
        if (s == null) {
            return new Decision(Decision.Action.DELETE, p.key(), null, d, "not in source");
        }
        if (s.size() != d.size()) {
            return update(p, "size " + d.size() + " -> " + s.size());
        }
        String se = s.etag();
        String de = d.etag();
        if (se == null && de == null) {
            return sameMtime(s, d) ? skip(p) : update(p, "modification time differs");
        }
        if (se == null) {
            se = sourceEtags.etagLike(s, de);
        } else if (de == null) {
            de = destinationEtags.etagLike(d, se);
        }
        boolean comparable = se != null && de != null && Etags.comparable(se, de);
        if (comparable && se.equals(de)) {
            return skip(p);
        }
        SyncState.Entry recorded = state.get(p.key());
        if (recorded != null && s.etag() != null && d.etag() != null && recorded.proves(s, d)) {
            return new Decision(Decision.Action.SKIP_RECORDED, p.key(), s, d, "unchanged since recorded");
        }
        if (comparable) {
            return update(p, "content differs (ETag " + de + " -> " + se + ")");
        }
        return new Decision(Decision.Action.UNPROVEN, p.key(), s, d, "ETags not comparable, no matching record: "
                + de + " / " + se);
    }

    private static boolean sameMtime(ObjectEntry s, ObjectEntry d) {
        return s.lastModified() != null && d.lastModified() != null && Objects.equals(
                s.lastModified().truncatedTo(ChronoUnit.MILLIS), d.lastModified().truncatedTo(ChronoUnit.MILLIS));
    }

    private static Decision skip(ListingMerger.Pair p) {
        return new Decision(Decision.Action.SKIP, p.key(), p.source(), p.destination(), "unchanged");
    }

    private static Decision update(ListingMerger.Pair p, String reason) {
        return new Decision(Decision.Action.UPDATE, p.key(), p.source(), p.destination(), reason);
    }
}
