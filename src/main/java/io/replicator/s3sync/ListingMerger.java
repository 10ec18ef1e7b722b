package io.replicator.s3sync;

import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * Walks two key-ordered listings in lockstep (rclone's march): each step yields a key with the
 * source entry, the destination entry, or both. Filtered-out keys are skipped on both sides. A
 * listing that is not strictly ascending in the configured {@link KeyOrder} would make the merge
 * pair the wrong keys (and plan wrong deletes), so it stops the run instead.
 */
final class ListingMerger implements Iterator<ListingMerger.Pair> {

    /** source or destination may be null (missing on that side), never both. */
    record Pair(String key, ObjectEntry source, ObjectEntry destination) {
    }

    private final OrderedSide src;
    private final OrderedSide dst;
    private final KeyOrder order;

    ListingMerger(Iterator<ObjectEntry> source, Iterator<ObjectEntry> destination, KeyOrder order,
                  KeyFilter filter, String sourceName, String destinationName) {
        this.order = order;
        this.src = new OrderedSide(source, order, filter, sourceName);
        this.dst = new OrderedSide(destination, order, filter, destinationName);
    }

    long sourceCount() {
        return src.count;
    }

    long destinationCount() {
        return dst.count;
    }

    @Override
    public boolean hasNext() {
        return src.peek() != null || dst.peek() != null;
    }

    @Override
    public Pair next() {
        ObjectEntry s = src.peek();
        ObjectEntry d = dst.peek();
        if (s == null && d == null) {
            throw new NoSuchElementException();
        }
        int c = s == null ? 1 : d == null ? -1 : order.compare(s.key(), d.key());
        if (c < 0) {
            return new Pair(src.take().key(), s, null);
        } else if (c > 0) {
            return new Pair(dst.take().key(), null, d);
        }
        src.take();
        dst.take();
        return new Pair(s.key(), s, d);
    }

    /** One listing with a one-entry lookahead, the filter and the order check. */
    private static final class OrderedSide {
        private final Iterator<ObjectEntry> it;
        private final KeyOrder order;
        private final KeyFilter filter;
        private final String name;
        private ObjectEntry head;
        private String lastKey;
        long count;

        OrderedSide(Iterator<ObjectEntry> it, KeyOrder order, KeyFilter filter, String name) {
            this.it = it;
            this.order = order;
            this.filter = filter;
            this.name = name;
        }

        ObjectEntry peek() {
            while (head == null && it.hasNext()) {
                ObjectEntry e = it.next();
                if (lastKey != null && order.compare(lastKey, e.key()) >= 0) {
                    throw new SyncFailure("listing of " + name + " is not in " + order + " key order: '" + KeyText.escape(e.key())
                            + "' came after '" + KeyText.escape(lastKey) + "'. Merging it would pair the wrong keys, so the run "
                            + "stops here (nothing deleted). S3Proxy lists in UTF-16 order: set key order "
                            + KeyOrder.UTF16_CODE_UNITS + " when both sides are S3Proxy.");
                }
                lastKey = e.key();
                if (filter.accepts(e.key())) {
                    head = e;
                    count++;
                }
            }
            return head;
        }

        ObjectEntry take() {
            ObjectEntry e = peek();
            head = null;
            return e;
        }
    }
}
