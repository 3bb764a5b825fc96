/**
 * Tools over the sources of revision modules, built on javaparser: making a new revision from a
 * parent, checking that a revision uses only the SPI and the emulated kernel, and the patch
 * between two revisions, method by method.
 */
package dev.irqlab.scaffold;
