/* The REFERENCES part of a column or table FOREIGN KEY constraint. */
package turso.parser.ast;

import java.util.List;

public record ForeignKey(Name table, List<Name> columns, Action onDelete, Action onUpdate, Name match,
                         Deferrable deferrable) {

    public enum Action { NONE, SET_NULL, SET_DEFAULT, CASCADE, RESTRICT, NO_ACTION }

    public enum Initially { NONE, DEFERRED, IMMEDIATE }

    public record Deferrable(boolean not, Initially initially) {
    }
}
