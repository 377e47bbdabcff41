/* json_each(json [, root]): one row per element or member of the container at root (json1.html). */
package turso.functions.json;

public final class JsonEachModule extends JsonTableModule {

    public JsonEachModule() {
        super(false);
    }

    @Override
    public String name() {
        return "json_each";
    }
}
