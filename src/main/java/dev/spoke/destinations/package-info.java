/**
 * The destination types that ship with spoke, one sub-package each ({@code webhook}, {@code file}, ...), each an
 * implementation of the SPI in {@code dev.spoke.destination} registered in
 * {@code META-INF/services/dev.spoke.destination.DestinationFactory}. A destination package knows its API and the
 * SPI, nothing of the engine, warehouses or state.
 */
package dev.spoke.destinations;
