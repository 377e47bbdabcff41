/*
 * The order in which SQLite visits the tables of a schema when it walks its
 * table hash (as PRAGMA foreign_key_check without an argument does): the
 * schema table, then every table and view in the order they were read,
 * inserted into a hash table that keeps one list of all its elements, where
 * a new element goes just before the others of its bucket, or first when it
 * has none, and is rehashed into count * 2 buckets once it holds 10
 * elements or more and more than twice as many as it has buckets. Names
 * hash case-insensitively (ASCII), as SQLite hashes them.
 */
package turso.planner;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedList;
import java.util.List;

final class TableHashOrder {
    private TableHashOrder() {
    }

    /** The names in the order SQLite's hash of them, inserted in this order, lists them. */
    static List<String> of(List<String> inserted) {
        LinkedList<Element> all = new LinkedList<>();
        int buckets = 0;
        for (String name : inserted) {
            Element e = new Element(name, hash(name));
            if (all.size() + 1 >= 10 && all.size() + 1 > 2 * buckets) {
                buckets = 2 * (all.size() + 1);
                List<Element> old = new ArrayList<>(all);
                all.clear();
                for (Element x : old) {
                    insert(all, x, buckets);
                }
            }
            insert(all, e, buckets);
        }
        return all.stream().map(Element::name).toList();
    }

    private record Element(String name, int hash) {
    }

    /** Puts {@code e} before the first element of its bucket, or first of all when its bucket is empty. */
    private static void insert(LinkedList<Element> all, Element e, int buckets) {
        if (buckets > 0) {
            long bucket = Integer.toUnsignedLong(e.hash()) % buckets;
            for (int i = 0; i < all.size(); i++) {
                if (Integer.toUnsignedLong(all.get(i).hash()) % buckets == bucket) {
                    all.add(i, e);
                    return;
                }
            }
        }
        all.addFirst(e);
    }

    /** SQLite's strHash: h = (h + lower(c)) * 0x9e3779b1 over the UTF-8 bytes, in 32 bits. */
    private static int hash(String name) {
        int h = 0;
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            h += c >= 'A' && c <= 'Z' ? c + 32 : c;
            h *= 0x9e3779b1;
        }
        return h;
    }
}
