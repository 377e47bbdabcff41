/*
 * The error for SQL this engine parses but cannot run yet, so that a missing
 * feature says so instead of answering wrongly. Each use names the feature;
 * docs/COMPAT.md lists what is missing. Its own type lets schema loading
 * tolerate tables that use such features while refusing to create new ones.
 */
package turso.planner;

import turso.api.ResultCode;
import turso.api.TursoException;

final class Unsupported extends TursoException {
    private static final long serialVersionUID = 1L;

    private Unsupported(String what) {
        super(ResultCode.ERROR, "not supported yet: " + what);
    }

    static Unsupported feature(String what) {
        return new Unsupported(what);
    }
}
