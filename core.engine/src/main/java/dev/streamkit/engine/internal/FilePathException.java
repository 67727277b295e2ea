package dev.streamkit.engine.internal;

import dev.streamkit.api.node.NodeException;

/** A path refused by the file policy; its message is complete and is shown as it is. */
final class FilePathException extends NodeException {

    private static final long serialVersionUID = 1L;

    FilePathException(String field, String message) {
        super(Cause.INVALID_PARAMS, field, message, null);
    }
}
