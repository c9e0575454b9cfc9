// text_format_test.cpp: format/printf (Java's Formatter, HALF_UP rounding of shortest
// digits), char/int coercion, Character/ shims and Java's number parsing.
#include <cmath>

#include "runtime/num/bignum.h"
#include "runtime/num/number.h"
#include "text_test_support.h"

using namespace clove;
using clove::text_test::TextVM;

namespace {

struct FormatVM : TextVM {
  std::string f(std::string_view fmt, std::initializer_list<Value> args) {
    std::vector<Value> all{s(fmt)};
    all.insert(all.end(), args);
    try {
      Value r = vm.call(fn("clojure.core/format"), all.data(), static_cast<int>(all.size()));
      return std::string(as<String>(r)->view());
    } catch (const CloveError& e) {
      return std::string(error_short_name(e.kind)) + ": " + e.what();
    }
  }
};

Value d(double x) { return Value::from_double(x); }
Value l(int64_t x) { return Value::small_int(x); }

}  // namespace

TEST(TextFormat, StringsCharsBooleans) {
  FormatVM t;
  EXPECT_EQ(t.f("%s|%10s|%-10s|%.2s", {t.s("abc"), t.s("abc"), t.s("abc"), t.s("abc")}),
            "abc|       abc|abc       |ab");
  EXPECT_EQ(t.f("%S %s %s", {t.s("straße"), Value::nil(), Value::object(t.vm.kw("k"))}),
            "STRASSE null :k");
  EXPECT_EQ(t.f("%3.1s|", {t.s("éé")}), "  é|");  // width and precision count code points
  EXPECT_EQ(
      t.f("%c%c %C", {Value::character('a'), Value::character(0x1F600), Value::character('b')}),
      "a😀 B");
  EXPECT_EQ(t.f("%b %b %b %B", {Value::nil(), Value::f(), l(0), Value::t()}),
            "false false true TRUE");
  EXPECT_EQ(t.f("%h %H", {t.s("a"), t.s("hello")}), "61 5E918D2");
  EXPECT_EQ(t.f("100%% %5%|%n", {}), "100%     %|\n");
  EXPECT_EQ(t.f("%2$s %1$s %<s %s", {t.s("a"), t.s("b")}), "b a a a");
}

TEST(TextFormat, Integers) {
  FormatVM t;
  EXPECT_EQ(t.f("%d %5d %-5d| %05d %+d % d %,d %(d",
                {l(42), l(42), l(42), l(42), l(42), l(42), l(1234567), l(-42)}),
            "42    42 42   | 00042 +42  42 1,234,567 (42)");
  EXPECT_EQ(t.f("%x %X %o %#x %#o %08x", {l(255), l(255), l(8), l(255), l(8), l(255)}),
            "ff FF 10 0xff 010 000000ff");
  EXPECT_EQ(t.f("%x %o", {l(-1), l(-8)}), "ffffffffffffffff 1777777777777777777770");
  EXPECT_EQ(t.f("%d", {make_long(t.vm.heap, INT64_MIN)}), "-9223372036854775808");
  mpz_t z;
  mpz_init(z);
  ASSERT_TRUE(parse_integer_digits("12345678901234567890", 10, z));
  mpz_neg(z, z);
  Value big = make_bigint(t.vm.heap, z);
  mpz_clear(z);
  t.vm.permanent.push_back(big);
  EXPECT_EQ(t.f("%d %x %,d", {big, big, big}),
            "-12345678901234567890 -ab54a98ceb1f0ad2 -12,345,678,901,234,567,890");
}

TEST(TextFormat, FloatsRoundHalfUpOnShortestDigits) {
  FormatVM t;
  EXPECT_EQ(t.f("%f %.2f %.0f %10.3f| %-10.1f| %+.1f",
                {d(3.14159), d(3.14159), d(2.5), d(3.14159), d(3.14159), d(3.14159)}),
            "3.141590 3.14 3      3.142| 3.1       | +3.1");
  EXPECT_EQ(t.f("%.1f %.2f %.2f %.2f %.1f %.1f",
                {d(0.15), d(0.125), d(1.005), d(2.675), d(0.25), d(0.35)}),
            "0.2 0.13 1.01 2.68 0.3 0.4");
  EXPECT_EQ(t.f("%.2f %.0f %.1f", {d(9.999), d(0.4), d(-0.04)}), "10.00 0 -0.0");
  EXPECT_EQ(t.f("%,.2f %(.2f %08.2f", {d(1234567.891), d(-3.5), d(-3.14159)}),
            "1,234,567.89 (3.50) -0003.14");
  EXPECT_EQ(t.f("%e %.3e %E %.0e", {d(12345.6789), d(12345.6789), d(0.000123), d(15.0)}),
            "1.234568e+04 1.235e+04 1.230000E-04 2e+01");
  EXPECT_EQ(t.f("%e %.2e", {d(0.0), d(9.999e99)}), "0.000000e+00 1.00e+100");
  EXPECT_EQ(
      t.f("%g %g %g %g %g", {d(12345.6789), d(0.00001234), d(0.0), d(100000.0), d(1000000.0)}),
      "12345.7 1.23400e-05 0.00000 100000 1.00000e+06");
  EXPECT_EQ(t.f("%f %e %08.1f %+f", {d(std::nan("")), d(HUGE_VAL), d(-HUGE_VAL), d(HUGE_VAL)}),
            "NaN Infinity -Infinity +Infinity");
  EXPECT_EQ(t.f("%.20f|%.2f", {d(0.1), d(1e20)}),
            "0.10000000000000000000|100000000000000000000.00");
  Value dec;
  ASSERT_TRUE(parse_bigdecimal(t.vm.heap, "1.0", &dec));
  t.vm.permanent.push_back(dec);
  EXPECT_EQ(t.f("%.3f %.0f", {dec, dec}), "1.000 1");
}

TEST(TextFormat, ErrorsNameTheSpecifierAsJavaDoes) {
  FormatVM t;
  EXPECT_EQ(t.f("%s %s", {l(1)}), "MissingFormatArgumentException: Format specifier '%s'");
  EXPECT_EQ(t.f("%5.2f", {}), "MissingFormatArgumentException: Format specifier '%5.2f'");
  EXPECT_EQ(t.f("%q", {l(1)}), "UnknownFormatConversionException: Conversion = 'q'");
  EXPECT_EQ(t.f("%", {}), "UnknownFormatConversionException: Conversion = '%'");
  EXPECT_EQ(t.f("%.f", {d(1)}), "UnknownFormatConversionException: Conversion = '.'");
  EXPECT_EQ(t.f("%.2f", {l(1)}), "IllegalFormatConversionException: f != java.lang.Long");
  EXPECT_EQ(t.f("%d", {d(1.5)}), "IllegalFormatConversionException: d != java.lang.Double");
  EXPECT_EQ(t.f("%c", {l(65)}), "IllegalFormatConversionException: c != java.lang.Long");
  EXPECT_EQ(t.f("%-08d", {l(1)}), "IllegalFormatFlagsException: Flags = '-0'");
  EXPECT_EQ(t.f("%-d", {l(1)}), "IllegalFormatException: %-d");
  EXPECT_EQ(t.err("clojure.core/format", {Value::nil()}).substr(0, 20), "NullPointerException");
}

TEST(TextFormat, PrintfWritesToOut) {
  FormatVM t;
  std::string captured;
  t.vm.set_out([&captured](std::string_view s) { captured += s; });
  t.call("clojure.core/printf", {t.s("%s-%d%n"), t.s("x"), l(1)});
  t.vm.set_out(nullptr);
  EXPECT_EQ(captured, "x-1\n");
}

TEST(TextChars, CharAndInt) {
  TextVM t;
  EXPECT_EQ(t.pr("clojure.core/char", {l(97)}), "\\a");
  EXPECT_EQ(t.pr("clojure.core/char", {d(65.7)}), "\\A");
  EXPECT_EQ(t.pr("clojure.core/int", {Value::character(0x1F600)}), "128512");
  EXPECT_EQ(t.pr("clojure.core/int", {d(-3.99)}), "-3");
  EXPECT_EQ(t.err("clojure.core/char", {l(-1)}),
            "IllegalArgumentException: Value out of range for char: -1");
  EXPECT_EQ(t.err("clojure.core/char", {l(0x110000)}),
            "IllegalArgumentException: Value out of range for char: 1114112");
  EXPECT_EQ(t.err("clojure.core/int", {l(3000000000)}), "ArithmeticException: integer overflow");
  EXPECT_EQ(t.err("clojure.core/int", {t.s("1")}).substr(0, 18), "ClassCastException");
  EXPECT_EQ(t.err("clojure.core/char", {Value::nil()}).substr(0, 20), "NullPointerException");
  EXPECT_EQ(t.pr("Character/isLetter", {Value::character(0xE9)}), "true");
  EXPECT_EQ(t.pr("Character/isDigit", {Value::character(0x663)}), "true");  // Arabic-Indic three
  EXPECT_EQ(t.pr("Character/isWhitespace", {Value::character(0xA0)}), "false");
  EXPECT_EQ(t.pr("Character/toUpperCase", {Value::character(0xE4)}), "\\Ä");
  EXPECT_EQ(t.pr("Character/toUpperCase", {l(97)}), "65");
  EXPECT_EQ(
      t.pr("clojure.core/get", {t.fn("clojure.core/char-escape-string"), Value::character('\n')}),
      "\"\\\\n\"");
}

TEST(TextChars, JavaNumberParsing) {
  TextVM t;
  EXPECT_EQ(t.pr("Integer/parseInt", {t.s("-2147483648")}), "-2147483648");
  EXPECT_EQ(t.err("Integer/parseInt", {t.s("2147483648")}),
            "NumberFormatException: For input string: \"2147483648\"");
  EXPECT_EQ(t.pr("Integer/parseInt", {t.s("-ff"), l(16)}), "-255");
  EXPECT_EQ(t.err("Integer/parseInt", {t.s("12a"), l(8)}),
            "NumberFormatException: For input string: \"12a\" under radix 8");
  EXPECT_EQ(t.err("Integer/parseInt", {t.s("1"), l(37)}),
            "NumberFormatException: radix 37 greater than Character.MAX_RADIX");
  EXPECT_EQ(t.err("Integer/parseInt", {t.s("-")}),
            "NumberFormatException: For input string: \"-\"");
  EXPECT_EQ(t.err("Integer/parseInt", {Value::nil()}),
            "NumberFormatException: Cannot parse null string: null");
  EXPECT_EQ(t.pr("Long/parseLong", {t.s("-9223372036854775808")}), "-9223372036854775808");
  EXPECT_EQ(t.err("Long/parseLong", {t.s("9223372036854775808")}).substr(0, 21),
            "NumberFormatException");
  EXPECT_EQ(t.pr("Double/parseDouble", {t.s(" 1.5f ")}), "1.5");
  EXPECT_EQ(t.pr("Double/parseDouble", {t.s("0x1.8p1")}), "3.0");
  EXPECT_EQ(t.pr("Double/parseDouble", {t.s("1e400")}), "##Inf");
  EXPECT_EQ(t.pr("Double/parseDouble", {t.s("-1e-400")}), "-0.0");
  EXPECT_EQ(t.pr("Double/parseDouble", {t.s("-Infinity")}), "##-Inf");
  EXPECT_EQ(t.err("Double/parseDouble", {t.s("  ")}), "NumberFormatException: empty String");
  EXPECT_EQ(t.err("Double/parseDouble", {t.s("1e")}),
            "NumberFormatException: For input string: \"1e\"");
  EXPECT_EQ(t.err("Double/parseDouble", {t.s("0x1.8")}),
            "NumberFormatException: For input string: \"0x1.8\"");
  EXPECT_EQ(t.pr("clojure.core/parse-long", {t.s("+42")}), "42");
  EXPECT_EQ(t.pr("clojure.core/parse-long", {t.s("9223372036854775808")}), "nil");
  EXPECT_EQ(t.pr("clojure.core/parse-double", {t.s(".5")}), "0.5");
  EXPECT_EQ(t.pr("clojure.core/parse-double", {t.s("abc")}), "nil");
  EXPECT_EQ(t.pr("clojure.core/parse-boolean", {t.s("TRUE")}), "nil");
  EXPECT_EQ(t.err("clojure.core/parse-long", {l(1)}),
            "IllegalArgumentException: Expected string, got java.lang.Long");
  EXPECT_EQ(t.err("clojure.core/parse-double", {Value::nil()}),
            "IllegalArgumentException: Expected string, got nil");
  EXPECT_EQ(t.pr("Boolean/parseBoolean", {t.s("TrUe")}), "true");
}
