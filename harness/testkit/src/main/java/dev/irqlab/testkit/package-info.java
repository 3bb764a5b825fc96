/**
 * Test support for revision modules, as a TCK's kit is for its implementations: {@link
 * dev.irqlab.testkit.ApiFixture} loads one revision on a fresh {@link dev.irqlab.kernel.Kernel}
 * and hands out producers and consumers whose callbacks are Mockito mocks, so a test can script
 * their results and verify their order with one {@link org.mockito.InOrder}.
 */
package dev.irqlab.testkit;
