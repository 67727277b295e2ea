/**
 * The server configuration ({@code skit.toml}) with StreamKit's sections and keys, and its loader:
 * defaults, then the TOML file, then {@code SK_<SECTION>__<KEY>} environment variables.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.3.0")
package dev.streamkit.config;
