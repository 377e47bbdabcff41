/*
 * json_patch(T, P): RFC 7396 merge patch as SQLite 3.40 applies it. Labels
 * are matched by their text as written; only the first of duplicate target
 * labels is patched, a patch label repeating one that already removed or
 * replaced a target member is ignored, and a label new to the target is
 * appended each time it occurs; null members are dropped from new values.
 * Members one merge appended to an object are lost when a later merge (a
 * repeated patch label) appends to the same object, as SQLite's append chain
 * is restarted then.
 */
package turso.functions.json;

import java.util.List;
import turso.api.spi.FunctionArguments;
import turso.api.spi.FunctionResult;
import turso.api.spi.SqlFunction;

final class JsonPatch {

    private JsonPatch() {
    }

    static List<SqlFunction> all() {
        return List.of(new JsonFunction("json_patch", 2, JsonPatch::patch));
    }

    private static void patch(FunctionArguments args, FunctionResult result) {
        String target = args.getText(0);
        if (target == null) {
            result.setNull();
            return;
        }
        JsonNode targetRoot = JsonParser.parse(target);
        String patch = args.getText(1);
        if (patch == null) {
            result.setNull();
            return;
        }
        JsonResults.json(merge(targetRoot, JsonParser.parse(patch)), result, null);
    }

    static JsonNode merge(JsonNode target, JsonNode patch) {
        if (patch.kind != JsonNode.Kind.OBJECT) {
            return patch;
        }
        if (target.kind != JsonNode.Kind.OBJECT) {
            removeAllNulls(patch);
            return patch;
        }
        boolean appendedHere = false;
        for (int i = 0; i + 1 < patch.children.size(); i += 2) {
            JsonNode label = patch.children.get(i);
            JsonNode value = patch.children.get(i + 1);
            boolean found = false;
            for (int j = 0; j + 1 < target.parsedChildren; j += 2) {
                if (!target.children.get(j).text.equals(label.text)) {
                    continue;
                }
                found = true;
                JsonNode member = target.children.get(j + 1);
                if (member.removed || member.patch != null) {
                    break;
                }
                if (value.kind == JsonNode.Kind.NULL) {
                    member.removed = true;
                } else {
                    JsonNode merged = merge(member, value);
                    if (merged != member) {
                        member.patch = merged;
                    }
                }
                break;
            }
            if (!found && value.kind != JsonNode.Kind.NULL) {
                removeAllNulls(patch);
                if (!appendedHere) {
                    target.children.subList(target.parsedChildren, target.children.size()).clear();
                    appendedHere = true;
                }
                target.children.add(label);
                target.children.add(value);
            }
        }
        return target;
    }

    private static void removeAllNulls(JsonNode object) {
        for (int i = 1; i < object.children.size(); i += 2) {
            JsonNode value = object.children.get(i);
            if (value.kind == JsonNode.Kind.NULL) {
                value.removed = true;
            } else if (value.kind == JsonNode.Kind.OBJECT) {
                removeAllNulls(value);
            }
        }
    }
}
