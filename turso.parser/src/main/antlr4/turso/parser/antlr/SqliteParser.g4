/*
 * SQLite's SQL dialect as an ANTLR 4 parser grammar, written from the syntax
 * diagrams of lang*.html and the token classes SQLite's tokenizer produces.
 * Tokens come from the hand-written turso.parser.SqlLexer (it needs context
 * for WINDOW/OVER/FILTER and SQLite's exact "unrecognized token" rules), so
 * this grammar only declares the token types. Keywords that SQLite lets fall
 * back to identifiers are listed in `fallback`. Like SQLite, the lexer ends a
 * statement that lacks one with an empty SEMI, so every command ends in SEMI.
 * Expressions use one rule per precedence level from OR down to comparison
 * (so that the middle operand of BETWEEN and prefix NOT bind exactly as in
 * SQLite), then one flat rule for the arithmetic levels, grouped by the AST
 * builder. Where SQLite's parser prefers a keyword to the identifier it could
 * fall back to, a notKeyword() predicate makes the same choice.
 */
parser grammar SqliteParser;

tokens {
  SEMI, LP, RP, COMMA, DOT, PLUS, MINUS, STAR, SLASH, REM, EQ, NE, LT, LE, GT, GE,
  LSHIFT, RSHIFT, BITAND, BITOR, CONCAT, BITNOT, PTR,
  ID, STRING, INTEGER, FLOAT, BLOB, VARIABLE, ILLEGAL,
  ABORT, ACTION, ADD, AFTER, ALL, ALTER, ALWAYS, ANALYZE, AND, AS, ASC, ATTACH, AUTOINCR,
  BEFORE, BEGIN, BETWEEN, BY, CASCADE, CASE, CAST, CHECK, COLLATE, COLUMNKW, COMMIT, CONFLICT,
  CONSTRAINT, CREATE, CTIME_KW, CURRENT, DATABASE, DEFAULT, DEFERRABLE, DEFERRED, DELETE, DESC,
  DETACH, DISTINCT, DO, DROP, EACH, ELSE, END, ESCAPE, EXCEPT, EXCLUDE, EXCLUSIVE, EXISTS, EXPLAIN,
  FAIL, FILTER, FIRST, FOLLOWING, FOR, FOREIGN, FROM, GENERATED, GROUP, GROUPS, HAVING, IF, IGNORE,
  IMMEDIATE, IN, INDEX, INDEXED, INITIALLY, INSERT, INSTEAD, INTERSECT, INTO, IS, ISNULL, JOIN,
  JOIN_KW, KEY, LAST, LIKE_KW, LIMIT, MATCH, MATERIALIZED, NO, NOT, NOTHING, NOTNULL, NULL, NULLS,
  OF, OFFSET, ON, OR, ORDER, OTHERS, OVER, PARTITION, PLAN, PRAGMA, PRECEDING, PRIMARY, QUERY,
  RAISE, RANGE, RECURSIVE, REFERENCES, REINDEX, RELEASE, RENAME, REPLACE, RESTRICT, RETURNING,
  ROLLBACK, ROW, ROWS, SAVEPOINT, SELECT, SET, TABLE, TEMP, THEN, TIES, TO, TRANSACTION, TRIGGER,
  UNBOUNDED, UNION, UNIQUE, UPDATE, USING, VACUUM, VALUES, VIEW, VIRTUAL, WHEN, WHERE, WINDOW,
  WITH, WITHOUT
}

@parser::members {
    /**
     * False if the next token is one of these keywords. SQLite's parser takes a
     * keyword as an identifier only where the keyword itself cannot stand; the
     * optional-keyword rules below use this to make the same choice.
     */
    private boolean notKeyword(int... types) {
        int next = _input.LA(1);
        for (int t : types) {
            if (next == t) {
                return false;
            }
        }
        return true;
    }
}

// ---------------------------------------------------------------- commands

script : ecmd* EOF ;

/** One statement as sqlite3_prepare sees it: leading empty statements, then one command. */
first  : SEMI* (explain? cmd SEMI | EOF) ;

ecmd   : SEMI | explain? cmd SEMI ;

explain : EXPLAIN (QUERY PLAN)? ;

cmd
  : BEGIN transType? (TRANSACTION nm?)?                                            # beginCmd
  | (COMMIT | END) (TRANSACTION nm?)?                                              # commitCmd
  | ROLLBACK (TRANSACTION nm?)? (TO kwSavepoint nm)?                              # rollbackCmd
  | SAVEPOINT nm                                                                   # savepointCmd
  | RELEASE kwSavepoint nm                                                         # releaseCmd
  | createTable                                                                    # createTableCmd
  | CREATE uniq=UNIQUE? INDEX ifNotExists fullname ON nm (USING method=nm)?
      LP sortList RP (WITH LP indexParam (COMMA indexParam)* RP)? (WHERE expr)?    # createIndexCmd
  | CREATE TEMP? VIEW ifNotExists fullname eidList? AS select                    # createViewCmd
  | createTrigger                                                                  # createTriggerCmd
  | CREATE VIRTUAL TABLE ifNotExists fullname USING nm
      (LP vtabArg (COMMA vtabArg)* RP)?                                            # createVirtualTableCmd
  | DROP kind=(TABLE | VIEW | INDEX | TRIGGER) ifExists fullname                   # dropCmd
  | withClause? dml                                                                # dmlCmd
  | VACUUM nm? (INTO expr)?                                                        # vacuumCmd
  | PRAGMA fullname ( EQ pragmaValue | LP pragmaValue RP )?                        # pragmaCmd
  | REINDEX fullname?                                                              # reindexCmd
  | ANALYZE fullname?                                                              # analyzeCmd
  | ALTER TABLE fullname alterAction                                               # alterCmd
  | ATTACH kwDatabase expr AS expr (KEY expr)?                                     # attachCmd
  | DETACH kwDatabase expr                                                         # detachCmd
  ;

/** Turso's BEGIN CONCURRENT: CONCURRENT is not an SQLite keyword, so it comes as an ID. */
transType   : DEFERRED | IMMEDIATE | EXCLUSIVE | {_input.LT(1).getText().equalsIgnoreCase("CONCURRENT")}? ID ;

ifNotExists : IF NOT EXISTS | {notKeyword(IF)}? ;
kwRecursive : RECURSIVE | {notKeyword(RECURSIVE)}? ;
ifExists    : IF EXISTS | {notKeyword(IF)}? ;
kwDatabase  : DATABASE | {notKeyword(DATABASE)}? ;
kwSavepoint : SAVEPOINT | {notKeyword(SAVEPOINT)}? ;
kwColumn    : COLUMNKW | {notKeyword(COLUMNKW)}? ;

/** The statements a WITH clause may precede; one rule so that the WITH clause is parsed once. */
dml
  : selectBody                                                                     # selectDml
  | DELETE FROM xfullname indexedBy? (WHERE expr)? returning? orderBy? limit?     # deleteDml
  | UPDATE orConflict? xfullname indexedBy? SET setList fromClause?
      (WHERE expr)? returning? orderBy? limit?                                     # updateDml
  | insertVerb INTO xfullname idList? insertBody                                  # insertDml
  ;

alterAction
  : RENAME TO nm                         # renameTable
  | ADD kwColumn columnDef               # addColumn
  | DROP kwColumn nm                     # dropColumn
  | RENAME kwColumn nm TO nm             # renameColumn
  ;

pragmaValue : (PLUS | MINUS)? number | nm | ON | DELETE | DEFAULT ;

indexParam : nm EQ expr ;

vtabArg   : vtabToken* ;
vtabToken : LP vtabNested* RP | ~(LP | RP | COMMA | SEMI | ILLEGAL) ;
vtabNested: LP vtabNested* RP | ~(LP | RP | SEMI | ILLEGAL) ;

// ---------------------------------------------------------------- CREATE TABLE

createTable
  : CREATE TEMP? TABLE ifNotExists fullname
    ( LP columnDef (COMMA columnDef)* (COMMA tableConstraint (COMMA? tableConstraint)*)? RP
      tableOption? (COMMA tableOption)*
    | AS select )
  ;

tableOption : WITHOUT nm | {notKeyword(WITHOUT)}? nm ;

columnDef : nm typeName? columnConstraint* ;

/** As in SQLite, "GENERATED ALWAYS" before AS lands in the type name; the builder strips it as SQLite does. */
typeName  : ids+ (LP signedNumber (COMMA signedNumber)? RP)? ;

signedNumber : (PLUS | MINUS)? number ;

number : INTEGER | FLOAT ;

columnConstraint
  : CONSTRAINT nm                                                   # ccName
  | DEFAULT ( LP expr RP | (PLUS | MINUS)? literal | id )           # ccDefault
  | NULL onConflict?                                                # ccNull
  | NOT NULL onConflict?                                            # ccNotNull
  | PRIMARY KEY order=(ASC | DESC)? onConflict? AUTOINCR?           # ccPrimaryKey
  | UNIQUE onConflict?                                              # ccUnique
  | CHECK LP expr RP                                                # ccCheck
  | REFERENCES nm eidList? refArg*                                  # ccReferences
  | deferrable                                                      # ccDeferrable
  | COLLATE ids                                                     # ccCollate
  | (GENERATED ALWAYS)? AS LP expr RP (ID | fallback)?                           # ccGenerated
  ;

tableConstraint
  : CONSTRAINT nm                                                   # tcName
  | PRIMARY KEY LP sortList AUTOINCR? RP onConflict?                # tcPrimaryKey
  | UNIQUE LP sortList RP onConflict?                               # tcUnique
  | CHECK LP expr RP onConflict?                                    # tcCheck
  | FOREIGN KEY LP eidList0 RP REFERENCES nm eidList? refArg* deferrable?  # tcForeignKey
  ;

refArg
  : MATCH nm                                                        # refMatch
  | ON kind=(INSERT | DELETE | UPDATE) refAction                    # refOn
  ;

refAction : SET NULL | SET DEFAULT | CASCADE | RESTRICT | NO ACTION ;

deferrable : NOT? DEFERRABLE (INITIALLY (DEFERRED | IMMEDIATE))? ;

onConflict : ON CONFLICT resolveType ;
orConflict : OR resolveType ;
resolveType : ROLLBACK | ABORT | FAIL | IGNORE | REPLACE ;

eidList  : LP eidList0 RP ;
eidList0 : eidItem (COMMA eidItem)* ;
eidItem  : nm (COLLATE ids)? (ASC | DESC)? ;

// ---------------------------------------------------------------- CREATE TRIGGER

createTrigger
  : CREATE TEMP? TRIGGER ifNotExists fullname
    ( BEFORE | AFTER | INSTEAD OF )?
    ( DELETE | INSERT | UPDATE (OF nm (COMMA nm)*)? )
    ON fullname (FOR EACH ROW)? (WHEN expr)?
    BEGIN (triggerCmd SEMI)+ END
  ;

triggerCmd
  : UPDATE orConflict? trnm trIndexedBy? SET setList fromClause? (WHERE expr)?    # trUpdate
  | insertVerb INTO trnm idList? select upsert* returning?                       # trInsert
  | DELETE FROM trnm trIndexedBy? (WHERE expr)?                                  # trDelete
  | select                                                                       # trSelect
  ;

// An alias on the target (AS nm): newer SQLite accepts it (3.54, the tests' oracle; 3.40 does not).
trnm : nm (DOT nm)? (AS nm)? ;
trIndexedBy : INDEXED BY nm | NOT INDEXED ;

// ---------------------------------------------------------------- DML

insertVerb : INSERT orConflict? | REPLACE ;

insertBody
  : DEFAULT VALUES returning?
  | select upsert* returning?
  ;

upsert
  : ON CONFLICT (LP sortList RP (WHERE expr)?)? DO
    ( NOTHING | UPDATE SET setList (WHERE expr)? )
  ;

returning : RETURNING resultColumn (COMMA resultColumn)* ;

setList : setItem (COMMA setItem)* ;
setItem : ( nm | idList ) EQ expr ;

idList : LP nm (COMMA nm)* RP ;

xfullname : nm (DOT nm)? (AS nm)? ;
fullname  : nm (DOT nm)? ;

indexedBy : INDEXED BY nm | NOT INDEXED ;

// ---------------------------------------------------------------- SELECT

select : withClause? selectBody ;
selectBody : selectCore (compoundOp selectCore)* ;

withClause : WITH kwRecursive cte (COMMA cte)* ;
cte : nm eidList? AS (NOT? MATERIALIZED)? LP select RP ;

compoundOp : UNION ALL? | EXCEPT | INTERSECT ;

selectCore
  : SELECT (DISTINCT | ALL)? resultColumn (COMMA resultColumn)*
    fromClause? (WHERE expr)? (GROUP BY expr (COMMA expr)*)? (HAVING expr)?
    (WINDOW windowDef (COMMA windowDef)*)? orderBy? limit?                   # simpleSelect
  | VALUES LP expr (COMMA expr)* RP (COMMA LP expr (COMMA expr)* RP)*        # valuesSelect
  ;

resultColumn
  : STAR                                   # starColumn
  | nm DOT STAR                            # tableStarColumn
  | expr alias?                            # exprColumn
  ;

/** AS is optional before an alias, but without it only ID and STRING tokens (and fallbacks) qualify. */
alias : AS nm | {notKeyword(LIKE_KW, MATCH)}? ids ;

fromClause : FROM joinSource ;

joinSource : tableSource (joinOp tableSource)* ;

tableSource
  : fullname alias? indexedBy? joinConstraint                           # tableRef
  | fullname LP (expr (COMMA expr)*)? RP alias? joinConstraint          # tableFunction
  | LP fromParen RP alias? joinConstraint                                # parenSource
  ;

fromParen : select | {notKeyword(WITH)}? joinSource ;

/** ON or USING after a FROM item always starts a join constraint, as in SQLite (even "ON CONFLICT"). */
joinConstraint : ON expr | USING idList | {notKeyword(ON, USING)}? ;

joinOp : COMMA | JOIN | JOIN_KW (nm nm?)? JOIN ;

orderBy : ORDER BY sortList ;
sortList : sortItem (COMMA sortItem)* ;
sortItem : expr (ASC | DESC)? (NULLS (FIRST | LAST))? ;

limit : LIMIT expr ((OFFSET | COMMA) expr)? ;

windowDef : nm AS LP windowSpec RP ;

windowSpec : ({notKeyword(PARTITION, RANGE, ROWS, GROUPS)}? nm)? (PARTITION BY expr (COMMA expr)*)? orderBy? frame? ;

frame
  : unit=(RANGE | ROWS | GROUPS)
    ( BETWEEN frameStart AND frameEnd | frameStart )
    (EXCLUDE (NO OTHERS | CURRENT ROW | GROUP | TIES))?
  ;

frameStart
  : UNBOUNDED PRECEDING
  | CURRENT ROW
  | {notKeyword(UNBOUNDED, CURRENT)}? expr (PRECEDING | FOLLOWING)
  ;

frameEnd
  : UNBOUNDED FOLLOWING
  | CURRENT ROW
  | {notKeyword(UNBOUNDED, CURRENT)}? expr (PRECEDING | FOLLOWING)
  ;

// ---------------------------------------------------------------- expressions

expr    : andExpr (OR andExpr)* ;
andExpr : eqExpr (AND eqExpr)* ;

eqExpr  : relExpr eqTail* ;
eqTail
  : op=(EQ | NE) relExpr                                   # eqCompare
  | IS NOT? (DISTINCT FROM)? relExpr                       # eqIs
  | NOT? op=(LIKE_KW | MATCH) relExpr (ESCAPE relExpr)?    # eqLike
  | NOT? BETWEEN betweenLow AND relExpr                    # eqBetween
  | NOT? IN inTarget postfixMore                           # eqIn
  | (ISNULL | NOTNULL | NOT NULL) postfixMore              # eqNull
  ;

/**
 * The low bound of BETWEEN. An OR in it swallows every following AND, so such a
 * bound never completes; it is accepted here only to fail where SQLite fails.
 */
betweenLow : eqExpr (OR andExpr)* ;

/**
 * SQLite's LALR parser reduces "x IN (...)" and "x ISNULL" to a complete
 * expression that any tighter-binding operator may then take as its left
 * operand ("x ISNULL COLLATE nocase", "x IN (1) + 1"); these are those
 * continuations, grouped by precedence in the AST builder like relExpr.
 */
postfixMore : (COLLATE ids)* (binaryOp collateExpr)* ;

inTarget
  : LP inBody RP                                           # inParen
  | fullname (LP (expr (COMMA expr)*)? RP)?                # inTable
  ;

inBody : select | {notKeyword(WITH)}? expr (COMMA expr)* | ;

/**
 * The five left-associative levels between comparison (< > <= >=) and
 * COLLATE, parsed flat (one rule instead of five keeps the parse cheap) and
 * grouped by precedence in the AST builder: || -> ->> over * / % over + -
 * over & | << >> over < > <= >=.
 */
relExpr    : collateExpr (binaryOp collateExpr)* ;
binaryOp   : LT | GT | LE | GE | BITAND | BITOR | LSHIFT | RSHIFT | PLUS | MINUS | STAR | SLASH | REM
           | CONCAT | PTR ;
collateExpr: unaryExpr (COLLATE ids)* ;

unaryExpr
  : op=(MINUS | PLUS | BITNOT) unaryExpr                   # prefixUnary
  | NOT notOperand                                         # notUnary
  | primary                                                # primaryUnary
  ;

/** The operand of prefix NOT: everything that binds tighter than NOT. */
notOperand : eqExpr ;

primary
  : literal                                                                # literalExpr
  | VARIABLE                                                               # variableExpr
  | LP parenBody RP                                                        # parenExpr
  | CAST LP expr AS typeName? RP                                           # castExpr
  | CASE (caseOperand=expr)? (WHEN expr THEN expr)+ (ELSE elseExpr=expr)? END  # caseExpr
  | EXISTS LP select RP                                                    # existsExpr
  | RAISE LP ( IGNORE | raiseType=(ROLLBACK | ABORT | FAIL) COMMA expr ) RP # raiseExpr
  | funcName LP ( STAR | (DISTINCT | ALL)? (expr (COMMA expr)*)? orderBy? ) RP
      (FILTER LP WHERE expr RP)? (OVER (LP windowSpec RP | nm))?           # functionExpr
  | nm DOT nm DOT nm                                                       # qualifiedColumn3
  | nm DOT nm                                                              # qualifiedColumn2
  | exprId                                                                 # columnExpr
  ;

/** Right after "(" SQLite reads WITH as the start of a subquery, never as a name. */
parenBody : select | {notKeyword(WITH)}? expr (COMMA expr)* ;

literal : INTEGER | FLOAT | STRING | BLOB | NULL | CTIME_KW ;

// ---------------------------------------------------------------- names

/** Keywords that SQLite's parser turns into identifiers where the keyword cannot be used. */
fallback
  : ABORT | ACTION | AFTER | ANALYZE | ASC | ATTACH | BEFORE | BEGIN | BY | CASCADE | CAST
  | COLUMNKW | CONFLICT | DATABASE | DEFERRED | DESC | DETACH | DO | EACH | END | EXCLUSIVE
  | EXPLAIN | FAIL | FOR | IGNORE | IMMEDIATE | INITIALLY | INSTEAD | LIKE_KW | MATCH | NO
  | PLAN | QUERY | KEY | OF | OFFSET | PRAGMA | RAISE | RECURSIVE | RELEASE | REPLACE
  | RESTRICT | ROW | ROWS | ROLLBACK | SAVEPOINT | TEMP | TRIGGER | VACUUM | VIEW | VIRTUAL
  | WITH | WITHOUT | NULLS | FIRST | LAST | CURRENT | FOLLOWING | PARTITION | PRECEDING
  | RANGE | UNBOUNDED | EXCLUDE | GROUPS | OTHERS | TIES | GENERATED | ALWAYS | MATERIALIZED
  | REINDEX | RENAME | CTIME_KW | IF
  ;

/** Fallback keywords that cannot start an expression as identifiers (they start one as keywords). */
exprFallback
  : ABORT | ACTION | AFTER | ANALYZE | ASC | ATTACH | BEFORE | BEGIN | BY | CASCADE
  | COLUMNKW | CONFLICT | DATABASE | DEFERRED | DESC | DETACH | DO | EACH | END | EXCLUSIVE
  | EXPLAIN | FAIL | FOR | IGNORE | IMMEDIATE | INITIALLY | INSTEAD | LIKE_KW | MATCH | NO
  | PLAN | QUERY | KEY | OF | OFFSET | PRAGMA | RECURSIVE | RELEASE | REPLACE
  | RESTRICT | ROW | ROWS | ROLLBACK | SAVEPOINT | TEMP | TRIGGER | VACUUM | VIEW | VIRTUAL
  | WITH | WITHOUT | NULLS | FIRST | LAST | CURRENT | FOLLOWING | PARTITION | PRECEDING
  | RANGE | UNBOUNDED | EXCLUDE | GROUPS | OTHERS | TIES | GENERATED | ALWAYS | MATERIALIZED
  | REINDEX | RENAME | IF
  ;

id      : ID | INDEXED | fallback ;
nm      : id | STRING | JOIN_KW ;
ids     : ID | STRING | fallback ;
exprId  : ID | INDEXED | JOIN_KW | exprFallback ;
funcName: ID | INDEXED | JOIN_KW | exprFallback ;
