/* json_tree(json [, root]): one row per value of the document from root down, depth first (json1.html). */
package turso.functions.json;

public final class JsonTreeModule extends JsonTableModule {

    public JsonTreeModule() {
        super(true);
    }

    @Override
    public String name() {
        return "json_tree";
    }
}
