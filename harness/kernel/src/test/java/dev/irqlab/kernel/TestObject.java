package dev.irqlab.kernel;

/** A minimal kernel object for tests: one field behind a KASAN-checked accessor. */
final class TestObject extends KObject {
  private int value;

  TestObject(Kernel kernel) {
    super(kernel, "struct test_object", 64);
  }

  TestObject(KObject container, int offset) {
    super(container, "struct test_object", offset, 16);
  }

  int value() {
    touch();
    return value;
  }

  void setValue(int value) {
    touch();
    this.value = value;
  }
}
