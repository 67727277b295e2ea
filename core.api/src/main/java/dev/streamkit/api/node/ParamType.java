package dev.streamkit.api.node;

/** JSON Schema value types a node parameter may have. */
public enum ParamType {
    NUMBER("number"), INTEGER("integer"), STRING("string"), BOOLEAN("boolean"), OBJECT("object"), ARRAY("array");

    private final String jsonName;

    ParamType(String jsonName) {
        this.jsonName = jsonName;
    }

    /** The JSON Schema {@code type} keyword value. */
    public String jsonName() {
        return jsonName;
    }
}
