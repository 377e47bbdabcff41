/*
 * Prediction for the second, error-reporting pass. ANTLR normally predicts
 * with local context first and lets an alternative that leaves the current
 * rule stand in for "anything may follow"; when the input is wrong, the error
 * then surfaces in a caller, on an earlier token than the one that really
 * cannot continue the statement. SQLite (LALR) reports that token. Predicting
 * every decision with the full parser context, and never deferring an error
 * to a caller, makes the NoViableAltException carry exactly that token.
 * Only used after the fast SLL pass failed, so its cost does not matter.
 */
package turso.parser;

import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.TokenStream;
import org.antlr.v4.runtime.atn.ATN;
import org.antlr.v4.runtime.atn.ATNConfigSet;
import org.antlr.v4.runtime.atn.ParserATNSimulator;
import org.antlr.v4.runtime.dfa.DFA;
import turso.parser.antlr.SqliteParser;

final class ExactErrorSimulator extends ParserATNSimulator {

    ExactErrorSimulator(SqliteParser parser, ParserATNSimulator shared) {
        super(parser, parser.getATN(), shared.decisionToDFA, shared.getSharedContextCache());
    }

    @Override
    public int adaptivePredict(TokenStream input, int decision, ParserRuleContext outerContext) {
        _input = input;
        _startIndex = input.index();
        _outerContext = outerContext;
        DFA dfa = decisionToDFA[decision];
        _dfa = dfa;
        int marker = input.mark();
        int index = _startIndex;
        try {
            ATNConfigSet start = computeStartState(dfa.atnStartState, outerContext, true);
            return execATNWithFullContext(dfa, null, start, input, index, outerContext);
        } finally {
            mergeCache = null;
            _dfa = null;
            input.seek(index);
            input.release(marker);
        }
    }

    @Override
    protected int getSynValidOrSemInvalidAltThatFinishedDecisionEntryRule(ATNConfigSet configs,
                                                                        ParserRuleContext outerContext) {
        return ATN.INVALID_ALT_NUMBER;
    }
}
