package io.venuerisk.engine;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * What a compiled class refers to, read from its class file (JVMS chapter 4) without loading it:
 * every class, field and method its constant pool names (including method handles, method types and
 * the bootstrap methods of invokedynamic), and the descriptors of the fields and methods it
 * declares. Read by hand rather than with ASM because only the constant pool and the member tables
 * are needed, which is a few dozen lines, and the check must fail closed on anything it does not
 * understand (an unknown constant tag refuses the class).
 */
final class ClassFile {
  /** What kind of thing a reference names. */
  enum Kind {
    CLASS,
    FIELD,
    METHOD,
    /** A method type constant or the type part of an invokedynamic or dynamic constant. */
    TYPE
  }

  /**
   * One reference: {@code owner} is an internal class name ({@code java/lang/String}) or, for
   * {@link Kind#CLASS}, possibly an array descriptor; {@code name} and {@code descriptor} are empty
   * where the kind has none.
   */
  record Ref(Kind kind, String owner, String name, String descriptor) {}

  /** A field or method this class declares. */
  record Member(String name, String descriptor) {}

  final String name;
  final String superName;
  final List<String> interfaces;
  final List<Ref> refs;
  final List<Member> declared;

  private ClassFile(
      String name,
      String superName,
      List<String> interfaces,
      List<Ref> refs,
      List<Member> declared) {
    this.name = name;
    this.superName = superName;
    this.interfaces = interfaces;
    this.refs = refs;
    this.declared = declared;
  }

  /** Thrown for bytes that are not a class file this reader understands: the check refuses them. */
  static final class Malformed extends Exception {
    Malformed(String message) {
      super(message);
    }
  }

  static ClassFile read(byte[] bytes) throws Malformed {
    try {
      return parse(new DataInputStream(new ByteArrayInputStream(bytes)));
    } catch (IOException | RuntimeException e) {
      throw new Malformed("unreadable class file: " + e.getMessage());
    }
  }

  private static ClassFile parse(DataInputStream in) throws IOException, Malformed {
    if (in.readInt() != 0xCAFEBABE) {
      throw new Malformed("not a class file");
    }
    in.readUnsignedShort(); // minor
    in.readUnsignedShort(); // major
    int count = in.readUnsignedShort();
    int[] tag = new int[count];
    int[] a = new int[count];
    int[] b = new int[count];
    String[] utf = new String[count];
    for (int i = 1; i < count; i++) {
      tag[i] = in.readUnsignedByte();
      switch (tag[i]) {
        case 1 -> utf[i] = in.readUTF();
        case 3, 4 -> in.readInt();
        case 5, 6 -> {
          in.readLong();
          i++; // eight-byte constants take two slots
        }
        case 7, 8, 16, 19, 20 -> a[i] = in.readUnsignedShort();
        case 9, 10, 11, 12, 17, 18 -> {
          a[i] = in.readUnsignedShort();
          b[i] = in.readUnsignedShort();
        }
        case 15 -> {
          a[i] = in.readUnsignedByte(); // reference kind
          b[i] = in.readUnsignedShort();
        }
        default -> throw new Malformed("unknown constant pool tag " + tag[i]);
      }
    }
    List<Ref> refs = new ArrayList<>();
    for (int i = 1; i < count; i++) {
      switch (tag[i]) {
        case 7 -> refs.add(new Ref(Kind.CLASS, utf(utf, a[i]), "", ""));
        case 9, 10, 11 -> refs.add(member(tag[i] == 9 ? Kind.FIELD : Kind.METHOD, utf, a, b, i));
        case 15 -> {
          int target = b[i];
          int kind = a[i];
          refs.add(member(kind <= 4 ? Kind.FIELD : Kind.METHOD, utf, a, b, target));
        }
        case 16 -> refs.add(new Ref(Kind.TYPE, "", "", utf(utf, a[i])));
        case 17, 18 -> refs.add(new Ref(Kind.TYPE, "", utf(utf, a[b[i]]), utf(utf, b[b[i]])));
        case 19, 20 -> throw new Malformed("module or package constant in a rule class");
        default -> {}
      }
    }
    in.readUnsignedShort(); // access
    String name = utf(utf, a[in.readUnsignedShort()]);
    int sup = in.readUnsignedShort();
    String superName = sup == 0 ? null : utf(utf, a[sup]);
    int ni = in.readUnsignedShort();
    List<String> interfaces = new ArrayList<>();
    for (int i = 0; i < ni; i++) {
      interfaces.add(utf(utf, a[in.readUnsignedShort()]));
    }
    List<Member> declared = new ArrayList<>();
    for (int table = 0; table < 2; table++) {
      int n = in.readUnsignedShort();
      for (int i = 0; i < n; i++) {
        in.readUnsignedShort(); // access
        String mName = utf(utf, in.readUnsignedShort());
        String mDesc = utf(utf, in.readUnsignedShort());
        declared.add(new Member(mName, mDesc));
        skipAttributes(in);
      }
    }
    return new ClassFile(
        name, superName, List.copyOf(interfaces), List.copyOf(refs), List.copyOf(declared));
  }

  private static Ref member(Kind kind, String[] utf, int[] a, int[] b, int i) {
    String owner = utf(utf, a[a[i]]);
    int nat = b[i];
    return new Ref(kind, owner, utf(utf, a[nat]), utf(utf, b[nat]));
  }

  private static String utf(String[] utf, int i) {
    String s = i > 0 && i < utf.length ? utf[i] : null;
    if (s == null) {
      throw new IllegalArgumentException("bad constant pool index " + i);
    }
    return s;
  }

  private static void skipAttributes(DataInputStream in) throws IOException {
    int n = in.readUnsignedShort();
    for (int i = 0; i < n; i++) {
      in.readUnsignedShort();
      int len = in.readInt();
      in.skipNBytes(len);
    }
  }

  /** The class names a field or method descriptor mentions ({@code Ljava/lang/String;} ...). */
  static List<String> typesIn(String descriptor) {
    List<String> out = new ArrayList<>();
    int i = 0;
    while (i < descriptor.length()) {
      char c = descriptor.charAt(i);
      if (c == 'L') {
        int end = descriptor.indexOf(';', i);
        if (end < 0) {
          throw new IllegalArgumentException("bad descriptor " + descriptor);
        }
        out.add(descriptor.substring(i + 1, end));
        i = end + 1;
      } else {
        i++;
      }
    }
    return out;
  }
}
