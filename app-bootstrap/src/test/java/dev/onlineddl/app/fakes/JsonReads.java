package dev.onlineddl.app.fakes;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** What the tests read off Jackson's trees: an object's member names in order, an array's elements. */
public final class JsonReads {

    private JsonReads() {
    }

    public static List<String> names(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    public static List<JsonNode> elements(JsonNode array) {
        List<JsonNode> elements = new ArrayList<>();
        array.elements().forEachRemaining(elements::add);
        return elements;
    }
}
