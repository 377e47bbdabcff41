/*
 * Entry point of the SQL front end: text in, AST out, or a TursoException
 * worded as SQLite words it ("near \"X\": syntax error", "unrecognized token:
 * ...", "incomplete input"). Thread-safe: each thread reuses its own ANTLR
 * parser (the prediction caches are shared by all). Parsing first runs in
 * ANTLR's fast SLL mode and falls back to full-context LL only when SLL fails
 * (see ExactErrorSimulator), which also finds the exact error position. Deeply nested input is parsed on a
 * thread with a large stack so that callers' stacks never overflow.
 */
package turso.parser;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.atn.ParserATNSimulator;
import org.antlr.v4.runtime.atn.PredictionMode;
import org.antlr.v4.runtime.misc.ParseCancellationException;
import turso.api.ResultCode;
import turso.api.TursoException;
import turso.parser.antlr.SqliteParser;
import turso.parser.ast.Stmt;

public final class SqlParser {

    private static final long LARGE_STACK = 256L << 20;

    /** A parser and its two prediction engines: the fast one and the exact one for error positions. */
    private record Parser(SqliteParser parser, ParserATNSimulator fast, ExactErrorSimulator exact) {
    }

    private static final ThreadLocal<Parser> PARSERS = ThreadLocal.withInitial(SqlParser::newParser);

    private SqlParser() {
    }

    /** Parses every statement of {@code sql} (empty statements are skipped). */
    public static List<Stmt> parse(String sql) {
        int depth = NestingCheck.check(sql, false);
        return run(sql, depth, p -> {
            SqliteParser.ScriptContext script = p.script();
            AstBuilder builder = new AstBuilder(sql);
            List<Stmt> out = new ArrayList<>();
            for (SqliteParser.EcmdContext e : script.ecmd()) {
                if (e.cmd() != null) {
                    out.add(builder.statement(e.explain(), e.cmd()));
                }
            }
            return List.copyOf(out);
        });
    }

    /** Whether {@code word} is an SQLite keyword, so that a name spelled so must be quoted in SQL text. */
    public static boolean isKeyword(String word) {
        return SqlLexer.isKeyword(word);
    }

    /** Parses one statement, which must be the only one in {@code sql}. */
    public static Stmt parseOne(String sql) {
        List<Stmt> all = parse(sql);
        if (all.size() != 1) {
            throw new TursoException(ResultCode.ERROR, all.isEmpty() ? "not an SQL statement"
                    : "more than one statement", -1, null);
        }
        return all.get(0);
    }

    /** Parses the first statement only, as sqlite3_prepare does, and says where the rest begins. */
    public static ParsedStatement parseFirst(String sql) {
        int depth = NestingCheck.check(sql, true);
        return run(sql, depth, p -> {
            SqliteParser.FirstContext first = p.first();
            Token stop = first.getStop();
            int tail = stop == null ? 0 : Math.min(sql.length(), stop.getStopIndex() + 1);
            if (first.cmd() == null) {
                return new ParsedStatement(null, first.SEMI().isEmpty() ? sql.length() : tail);
            }
            return new ParsedStatement(new AstBuilder(sql).statement(first.explain(), first.cmd()), tail);
        });
    }

    private static Parser newParser() {
        SqliteParser p = new SqliteParser(new CommonTokenStream(new SqlLexer("")));
        p.removeErrorListeners();
        p.setErrorHandler(SyntaxErrorStrategy.INSTANCE);
        p.setBuildParseTree(true);
        ParserATNSimulator fast = p.getInterpreter();
        fast.setPredictionMode(PredictionMode.SLL);
        return new Parser(p, fast, new ExactErrorSimulator(p, fast));
    }

    private static <T> T run(String sql, int depth, Function<SqliteParser, T> body) {
        if (depth <= NestingCheck.SMALL_STACK_DEPTH) {
            try {
                return parseWith(PARSERS.get(), sql, body);
            } catch (StackOverflowError e) {
                PARSERS.remove();
            }
        }
        return onLargeStack(sql, body);
    }

    private static <T> T onLargeStack(String sql, Function<SqliteParser, T> body) {
        AtomicReference<T> result = new AtomicReference<>();
        AtomicReference<RuntimeException> failure = new AtomicReference<>();
        Thread t = Thread.ofPlatform().name("turso-parser").stackSize(LARGE_STACK).unstarted(() -> {
            try {
                result.set(parseWith(newParser(), sql, body));
            } catch (RuntimeException e) {
                failure.set(e);
            } catch (StackOverflowError e) {
                failure.set(new TursoException(ResultCode.ERROR, "Recursion limit", -1, null));
            }
        });
        t.start();
        boolean interrupted = false;
        while (true) {
            try {
                t.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        if (failure.get() != null) {
            throw failure.get();
        }
        return result.get();
    }

    private static <T> T parseWith(Parser p, String sql, Function<SqliteParser, T> body) {
        SqliteParser parser = p.parser();
        CommonTokenStream tokens = new CommonTokenStream(new SqlLexer(sql));
        parser.setInterpreter(p.fast());
        parser.setTokenStream(tokens);
        try {
            return body.apply(parser);
        } catch (ParseCancellationException sllFailure) {
            tokens.seek(0);
            parser.setInterpreter(p.exact());
            parser.setTokenStream(tokens);
            try {
                return body.apply(parser);
            } catch (ParseCancellationException e) {
                throw syntaxError(sql, e);
            }
        } finally {
            parser.setTokenStream(new CommonTokenStream(new SqlLexer("")));
        }
    }

    private static TursoException syntaxError(String sql, ParseCancellationException e) {
        Token t = e.getCause() instanceof RecognitionException re ? re.getOffendingToken() : null;
        if (t == null || t.getType() == Token.EOF || t.getText().isEmpty()) {
            return new TursoException(ResultCode.ERROR, "incomplete input", -1, null);
        }
        int offset = t.getStartIndex();
        if (t.getType() == SqliteParser.ILLEGAL) {
            return new TursoException(ResultCode.ERROR, "unrecognized token: \"" + t.getText() + "\"", offset, null);
        }
        return new TursoException(ResultCode.ERROR, "near \"" + t.getText() + "\": syntax error", offset, null);
    }
}
