/*
 * A "skipif <engine>" or "onlyif <engine>" line in front of a record. The
 * expected results were produced by SQLite, so every engine run here is
 * judged as "sqlite": the name is compared with that, ignoring case.
 */
package turso.tests.slt;

record Condition(boolean onlyIf, String engine) {

    static final String ENGINE_NAME = "sqlite";

    /** Whether this condition lets the record run. */
    boolean allowsRun() {
        boolean named = engine.equalsIgnoreCase(ENGINE_NAME);
        return onlyIf == named;
    }
}
