/*
 * A JSON function's arguments with every JSONB blob among them seen as the
 * JSON text it encodes, with the JSON subtype: SQLite 3.45+ accepts JSONB
 * wherever JSON is expected (the document, a value to insert), so the text
 * functions need not know the format. Other arguments, including blobs
 * that are not JSONB, are passed through unchanged.
 */
package turso.functions.json;

import java.nio.charset.StandardCharsets;
import turso.api.DataType;
import turso.api.Value;
import turso.api.spi.FunctionArguments;

final class JsonbArguments implements FunctionArguments {

    private final FunctionArguments args;
    /** Per argument: its JSON text if it is a JSONB blob, else null. */
    private final String[] json;

    private JsonbArguments(FunctionArguments args, String[] json) {
        this.args = args;
        this.json = json;
    }

    /** {@code args} itself when no argument is JSONB. */
    static FunctionArguments of(FunctionArguments args) {
        String[] json = null;
        for (int i = 0; i < args.size(); i++) {
            if (args.type(i) == DataType.BLOB) {
                String text = JsonbReader.toText(args.getBlob(i));
                if (text != null) {
                    if (json == null) {
                        json = new String[args.size()];
                    }
                    json[i] = text;
                }
            }
        }
        return json == null ? args : new JsonbArguments(args, json);
    }

    /**
     * {@code args} with infinite reals seen as the JSON SQLite 3.45+ writes
     * for them (9.0e+999), where 3.40's text functions write Inf: for the
     * jsonb_ forms, whose JSONB must hold a number.
     */
    static FunctionArguments infinityAsJson(FunctionArguments args) {
        String[] json = null;
        for (int i = 0; i < args.size(); i++) {
            if (args.type(i) == DataType.REAL && Double.isInfinite(args.getDouble(i))) {
                if (json == null) {
                    json = new String[args.size()];
                }
                json[i] = args.getDouble(i) > 0 ? "9.0e+999" : "-9.0e+999";
            }
        }
        return json == null ? args : new JsonbArguments(args, json);
    }

    @Override
    public int size() {
        return args.size();
    }

    @Override
    public DataType type(int index) {
        return json[index] != null ? DataType.TEXT : args.type(index);
    }

    @Override
    public DataType numericType(int index) {
        return json[index] != null ? DataType.TEXT : args.numericType(index);
    }

    @Override
    public long getLong(int index) {
        return json[index] != null ? 0 : args.getLong(index);
    }

    @Override
    public double getDouble(int index) {
        return json[index] != null ? 0.0 : args.getDouble(index);
    }

    @Override
    public String getText(int index) {
        return json[index] != null ? json[index] : args.getText(index);
    }

    @Override
    public byte[] getTextUtf8(int index) {
        return json[index] != null ? json[index].getBytes(StandardCharsets.UTF_8) : args.getTextUtf8(index);
    }

    @Override
    public byte[] getBlob(int index) {
        return json[index] != null ? json[index].getBytes(StandardCharsets.UTF_8) : args.getBlob(index);
    }

    @Override
    public int byteLength(int index) {
        return json[index] != null ? getTextUtf8(index).length : args.byteLength(index);
    }

    @Override
    public int subtype(int index) {
        return json[index] != null ? JsonWriter.JSON_SUBTYPE : args.subtype(index);
    }

    @Override
    public Value get(int index) {
        return json[index] != null ? Value.of(json[index]) : args.get(index);
    }
}
