package io.venuerisk.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** The constant-pool reader sees every kind of reference javac writes. */
class ClassFileTest {

  /** Compiled by javac: wide constants, a lambda, a method reference, string concatenation. */
  static final class Sample {
    static final long BIG = 1L << 40;
    static final double HALF = 0.5;

    static String run(Object o) {
      Supplier<Runtime> r = Runtime::getRuntime;
      Runnable noop = () -> System.getProperty("x");
      return "v" + o + BIG + HALF + r + noop + java.util.List.of(1).size();
    }
  }

  @Test
  void readsClassesMethodsFieldsMethodHandlesAndBootstrapMethods() throws Exception {
    byte[] bytes;
    try (InputStream in = Sample.class.getResourceAsStream("ClassFileTest$Sample.class")) {
      bytes = in.readAllBytes();
    }
    ClassFile cf = ClassFile.read(bytes);
    assertThat(cf.name).isEqualTo("io/venuerisk/engine/ClassFileTest$Sample");
    assertThat(cf.superName).isEqualTo("java/lang/Object");
    assertThat(cf.refs)
        .contains(
            new ClassFile.Ref(
                ClassFile.Kind.METHOD, "java/lang/Runtime", "getRuntime", "()Ljava/lang/Runtime;"),
            new ClassFile.Ref(
                ClassFile.Kind.METHOD,
                "java/lang/System",
                "getProperty",
                "(Ljava/lang/String;)Ljava/lang/String;"),
            new ClassFile.Ref(ClassFile.Kind.METHOD, "java/util/List", "size", "()I"));
    assertThat(cf.refs)
        .anySatisfy(r -> assertThat(r.owner()).isEqualTo("java/lang/invoke/LambdaMetafactory"));
    assertThat(cf.refs)
        .anySatisfy(r -> assertThat(r.owner()).isEqualTo("java/lang/invoke/StringConcatFactory"));
    assertThat(cf.declared)
        .contains(new ClassFile.Member("BIG", "J"), new ClassFile.Member("HALF", "D"));
  }

  @Test
  void refusesWhatIsNotAClassFile() {
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> ClassFile.read(new byte[] {1, 2, 3, 4}))
        .isInstanceOf(ClassFile.Malformed.class);
  }

  @Test
  void findsTheClassesInADescriptor() {
    assertThat(ClassFile.typesIn("(ILjava/lang/String;[Ljava/io/File;)Ljava/util/List;"))
        .containsExactly("java/lang/String", "java/io/File", "java/util/List");
  }
}
