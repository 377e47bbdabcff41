/**
 * Vectors in SQL: vector types and distance functions (a function library)
 * and an approximate nearest-neighbour index (an index method).
 */
module turso.ext.vector {
    requires turso.api;
}
