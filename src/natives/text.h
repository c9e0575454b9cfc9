// text.h: helpers shared by the text natives (string.cpp, regex.cpp, chars.cpp, format.cpp).
#pragma once
#include <string_view>

#include "natives/args.h"
#include "runtime/text/regex.h"

namespace clove {

/// re-groups of match m over subject: the matched string when the regex has no groups,
/// else a vector [whole g1 g2 ...] with nil for groups that did not participate.
Value match_groups(State& vm, const Regex* re, std::string_view subject, const Match& m);

/// args[i] as a regex; ClassCastException (to java.util.regex.Pattern) otherwise.
Regex* arg_regex(Args a, int i, const char* fn);

/// args[i] as a string for a function taking a CharSequence: a string as is; nil is a
/// java.util.Formatter.format over Clove values (format.cpp has the supported syntax).
/// Errors as Java's: UnknownFormatConversionException, MissingFormatArgumentException,
/// IllegalFormatConversionException, IllegalFormatFlagsException.
std::string java_format(State& vm, std::string_view fmt, const Value* args, int nargs);

/// NullPointerException and anything else a ClassCastException, both naming `fn`.
String* arg_chars(Args a, int i, const char* fn);

/// java.util.Formatter.format over Clove values (format.cpp has the supported syntax).
/// Errors as Java's: UnknownFormatConversionException, MissingFormatArgumentException,
/// IllegalFormatConversionException, IllegalFormatFlagsException.
std::string java_format(State& vm, std::string_view fmt, const Value* args, int nargs);

/// NullPointerException for a nil argument where Java calls a method on it.
[[noreturn]] void throw_npe(const char* fn, const char* what);

}  // namespace clove
