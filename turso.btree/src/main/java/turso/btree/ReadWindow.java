/*
 * One read-ahead batch that may still be in flight: the pages it fills are
 * already in the page cache, pinned (so no eviction hands their buffers to
 * another page while the kernel writes into them) and marked as loading.
 * Whoever needs one of those pages, or must drop or rewrite pages, settles
 * the window first (PageCache does): wait for the batch, unpin and unmark
 * its pages. A failed read-ahead is forgotten: its pages leave the cache, so
 * that a page's own read reports the error if the page is needed.
 */
package turso.btree;

import turso.api.spi.IoCompletion;

final class ReadWindow {

    private final IoCompletion completion;
    private final Page[] pages;
    private final int count;
    private boolean settled;

    /** {@code pages[0..count)} are being read by {@code completion}; they are pinned and marked here. */
    ReadWindow(IoCompletion completion, Page[] pages, int count) {
        this.completion = completion;
        this.pages = pages;
        this.count = count;
        for (int i = 0; i < count; i++) {
            pages[i].pins++;
            pages[i].loading = this;
        }
    }

    boolean settled() {
        return settled;
    }

    /** Waits until the batch has finished and releases its pages; a failed batch's pages leave {@code cache}. */
    void settle(PageCache cache) {
        if (settled) {
            return;
        }
        settled = true;
        boolean failed = false;
        try {
            completion.await();
        } catch (RuntimeException e) {
            failed = true;
        }
        for (int i = 0; i < count; i++) {
            Page p = pages[i];
            p.loading = null;
            p.pins--;
            if (failed) {
                cache.remove(p);
            }
        }
    }
}
