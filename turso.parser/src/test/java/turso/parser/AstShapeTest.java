/*
 * The shape of the trees the planner receives, for the cases where shape is
 * the point: quoting kept, numbers kept as written, SQLite's precedence, the
 * normalisations SQLite itself applies (LIMIT a, b; IS DISTINCT FROM), and
 * Turso's extensions. Precedence cases are also confirmed by evaluating the
 * expression and its fully parenthesized print in SQLite.
 */
package turso.parser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import turso.api.TursoException;
import turso.parser.ast.Expr;
import turso.parser.ast.FromClause;
import turso.parser.ast.Name;
import turso.parser.ast.ResultColumn;
import turso.parser.ast.SelectCore;
import turso.parser.ast.Stmt;

class AstShapeTest {

    private static SelectCore.Simple core(String sql) {
        return (SelectCore.Simple) ((Stmt.SelectStmt) SqlParser.parseOne(sql)).select().first();
    }

    private static Expr firstColumn(String sql) {
        return ((ResultColumn.Single) core(sql).columns().get(0)).expr();
    }

    @Test
    void quotingAndLiteralsAreKept() {
        Expr.ColumnRef q = (Expr.ColumnRef) firstColumn("SELECT \"a\"\"b\"");
        assertEquals(new Name("a\"b", Name.Quote.DOUBLE, null).value(), q.column().value());
        assertTrue(q.column().doubleQuoted());
        assertEquals(Name.Quote.BRACKET, ((Expr.ColumnRef) firstColumn("SELECT [x y]")).column().quote());
        Expr.Literal big = (Expr.Literal) firstColumn("SELECT 9223372036854775808");
        assertEquals(Expr.LiteralKind.INTEGER, big.kind());
        assertEquals("9223372036854775808", big.text());
        assertEquals("0x1F", ((Expr.Literal) firstColumn("SELECT 0x1F")).text());
        assertEquals(Expr.LiteralKind.FLOAT, ((Expr.Literal) firstColumn("SELECT .5")).kind());
        assertEquals("it's", ((Expr.Literal) firstColumn("SELECT 'it''s'")).text());
        assertEquals("0aFF", ((Expr.Literal) firstColumn("SELECT x'0aFF'")).text());
        assertEquals(":name", ((Expr.Parameter) firstColumn("SELECT :name")).text());
        assertEquals("$a::b(c)", ((Expr.Parameter) firstColumn("SELECT $a::b(c)")).text());
    }

    @Test
    void precedenceFollowsSqlite() throws Exception {
        Expr not = firstColumn("SELECT NOT 1 = 2");
        assertEquals(Expr.UnaryOp.NOT, ((Expr.Unary) not).op());
        assertInstanceOf(Expr.Binary.class, ((Expr.Unary) not).operand());
        Expr between = firstColumn("SELECT 5 BETWEEN 1 AND 10 AND 0");
        assertEquals(Expr.BinaryOp.AND, ((Expr.Binary) between).op());
        assertInstanceOf(Expr.Between.class, ((Expr.Binary) between).left());
        Expr collate = firstColumn("SELECT -a COLLATE nocase");
        assertInstanceOf(Expr.Unary.class, ((Expr.Collate) collate).expr());
        Expr inPlus = firstColumn("SELECT 1 IN (1) + 1");
        assertInstanceOf(Expr.InList.class, ((Expr.Binary) inPlus).left());
        try (Sqlite sqlite = new Sqlite()) {
            for (String e : List.of("NOT 1 = 2", "5 BETWEEN 1 AND 10 AND 0", "1 IN (1) + 1", "2 + 3 * 4 - 1",
                    "1 - 2 - 3", "NOT 0 AND 0", "1 = NOT 0", "~1 + 2", "-2 * -3", "'a' || 1 + 2", "1 < 2 = 1",
                    "1 IS NULL = 0", "0 OR 1 AND 0", "1 << 2 + 1", "5 % 3 * 2", "1 ISNULL IS NULL",
                    "2 BETWEEN 1 AND 3 = 1", "1 NOT NULL + 5")) {
                String printed = SqlPrinter.print(firstColumn("SELECT " + e));
                assertEquals(sqlite.rows("SELECT " + e), sqlite.rows("SELECT " + printed), e + " printed " + printed);
            }
        }
    }

    @Test
    void sqliteNormalisations() {
        var s = ((Stmt.SelectStmt) SqlParser.parseOne("SELECT a FROM t LIMIT 5, 10")).select();
        assertEquals("10", ((Expr.Literal) s.limit().limit()).text());
        assertEquals("5", ((Expr.Literal) s.limit().offset()).text());
        assertEquals(Expr.BinaryOp.IS_NOT, ((Expr.Binary) firstColumn("SELECT 1 IS DISTINCT FROM 2")).op());
        assertEquals(Expr.BinaryOp.IS, ((Expr.Binary) firstColumn("SELECT 1 IS NOT DISTINCT FROM 2")).op());
        FromClause from = core("SELECT * FROM a LEFT OUTER JOIN b USING (x) NATURAL JOIN c").from();
        assertEquals(FromClause.JoinType.LEFT, from.items().get(1).operator().type());
        assertTrue(from.items().get(2).operator().natural());
        assertEquals(List.of("x"), from.items().get(1).constraint().using().stream().map(Name::value).toList());
    }

    @Test
    void keywordsAsNamesAndContextualKeywords() {
        assertEquals("window", ((Expr.ColumnRef) firstColumn("SELECT window FROM t")).column().value());
        Expr.FunctionCall f = (Expr.FunctionCall) firstColumn("SELECT sum(a) OVER w FROM t WINDOW w AS (ORDER BY a)");
        assertEquals("w", f.over().windowName().value());
        assertEquals("over", ((ResultColumn.Single) core("SELECT max(a) over FROM t").columns().get(0)).alias().value());
        Stmt.CreateTable t = (Stmt.CreateTable) SqlParser.parseOne("CREATE TABLE t(key, end, replace, filter)");
        assertEquals(List.of("key", "end", "replace", "filter"),
                t.columns().stream().map(c -> c.name().value()).toList());
    }

    @Test
    void tursoExtensions() {
        assertEquals(Stmt.TransactionType.CONCURRENT, ((Stmt.Begin) SqlParser.parseOne("BEGIN CONCURRENT")).type());
        Stmt.CreateIndex idx = (Stmt.CreateIndex) SqlParser.parseOne(
                "CREATE INDEX v ON t USING vector_idx (emb) WITH (metric = 'cosine', m = 16)");
        assertEquals("vector_idx", idx.using().value());
        assertEquals(List.of("metric", "m"), idx.params().stream().map(p -> p.key().value()).toList());
        assertEquals("near \"CONCURRENTLY\": syntax error",
                assertThrows(TursoException.class, () -> SqlParser.parse("BEGIN CONCURRENTLY")).getMessage());
        String printed = SqlPrinter.print(idx);
        assertEquals(idx, SqlParser.parseOne(printed));
    }

    @Test
    void positionsPointIntoTheText() {
        String sql = "SELECT a + 1 FROM t";
        Expr e = firstColumn(sql);
        assertNotNull(e.span());
        assertEquals("a + 1", sql.substring(e.span().start(), e.span().end()));
    }
}
