/*
 * ANTLR error handling replaced by "stop at the first error": no recovery, no
 * messages printed; the RecognitionException travels up to SqlParser, which
 * words it as SQLite does. sync() does nothing so that an unexpected token is
 * always reported by the match or prediction that fails on it.
 */
package turso.parser;

import org.antlr.v4.runtime.DefaultErrorStrategy;
import org.antlr.v4.runtime.InputMismatchException;
import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.misc.ParseCancellationException;

final class SyntaxErrorStrategy extends DefaultErrorStrategy {

    static final SyntaxErrorStrategy INSTANCE = new SyntaxErrorStrategy();

    @Override
    public void reportError(Parser recognizer, RecognitionException e) {
        // reported by SqlParser from the exception recover() throws
    }

    @Override
    public void recover(Parser recognizer, RecognitionException e) {
        throw new ParseCancellationException(e);
    }

    @Override
    public Token recoverInline(Parser recognizer) {
        throw new ParseCancellationException(new InputMismatchException(recognizer));
    }

    @Override
    public void sync(Parser recognizer) {
        // no resynchronisation: the next match or prediction reports the error
    }
}
