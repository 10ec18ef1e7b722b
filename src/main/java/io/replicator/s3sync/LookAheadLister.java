package io.replicator.s3sync;

import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * A listing that holds the entry it returns next: a subclass finds it in {@link #advance()}, once in
 * its constructor and again after each {@link #next()}, so a failed listing call surfaces where the
 * listing is opened or read, never later in {@code hasNext()}.
 */
abstract class LookAheadLister implements Iterator<ObjectEntry> {
    /** The entry next() returns; null at the end of the listing. */
    protected ObjectEntry next;

    /** Sets {@link #next} to the entry after the one just returned, or null at the end. */
    protected abstract void advance();

    @Override
    public final boolean hasNext() {
        return next != null;
    }

    @Override
    public final ObjectEntry next() {
        if (next == null) {
            throw new NoSuchElementException();
        }
        ObjectEntry e = next;
        advance();
        return e;
    }
}
