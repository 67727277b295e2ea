/**
 * The Declarative Services edge of the MoQ bundle: the gateway as a {@code WebTransportAcceptor} service and
 * the moq-lite client over the {@code WebTransportClient} service. Everything behind them is plain Java.
 */
package dev.streamkit.moq.osgi;
