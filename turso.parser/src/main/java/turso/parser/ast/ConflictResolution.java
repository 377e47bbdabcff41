/* The ON CONFLICT / OR algorithm of a constraint or statement. */
package turso.parser.ast;

public enum ConflictResolution { ROLLBACK, ABORT, FAIL, IGNORE, REPLACE }
