// clove_mode.h: the rules that apply only to `.clove` files (SPEC L3, L14).
//
// While State::compiling_clove_file is set (a .clove file is loading), and the form being
// compiled comes from a .clove source (or has no known source), the analyzer:
//  - rejects a local binding that shadows a var visible in the current namespace
//    (shadow_guard.cpp), unless the binding symbol carries {:clove/allow-shadow true}
//    metadata, which `let-shadow` adds, or its name was made by gensym;
//  - evaluates `~expr` outside syntax-quote, read as (clojure.core/unquote expr), at
//    compile time and compiles its value as a constant (comptime_unquote.cpp).
// In .clj/.cljc files neither applies: a local may shadow a var as in Clojure, and
// clojure.core/unquote is an unbound var, so calling it fails at run time.
#pragma once
#include <string_view>
#include <vector>

#include "compiler/analyze/analyzer.h"

namespace clove {

/// Whether the .clove rules apply to a form at `pos` (see the file comment).
bool clove_rules_apply(const Analyzer& a, SourcePos pos);

/// Whether `name` has the shape of a generated symbol: gensym's `G__12`/`prefix__12`,
/// syntax-quote's `x__12__auto__`, or `#()`'s `p1__12#` / `rest__12#` (a "__" followed
/// by a digit, or a trailing '#'). Such locals are exempt from the shadowing guard.
bool is_generated_name(std::string_view name);

/// The shadowing guard (SPEC L14). `raw` is a local's binding symbol as written (its
/// metadata intact), `pos` where it is bound (or the call site of the macro that built
/// its binding vector). In .clove code, throws a compile_shadowing Diagnostic when the
/// name resolves to a var from the current namespace, naming the local's position (the
/// symbol as written in the top-level form, found from `pos` on) and the var (with its
/// :file/:line when known). Does
/// nothing for .clj/.cljc code, generated names, or a symbol with
/// {:clove/allow-shadow true} metadata.
void check_local_shadow(Analyzer& a, Symbol* raw, SourcePos pos);

/// Whether a call with head symbol `head` (not a local), which resolves to `var` (or
/// null), is a compile-time unquote: the .clove rules apply and `head` names
/// clojure.core/unquote (also when that var is not declared, as in a VM without the
/// core library).
bool is_comptime_unquote(Analyzer& a, Symbol* head, Var* var, const Ctx& ctx);

/// Compiles (clojure.core/unquote expr) in .clove code: evaluates expr now, in the
/// current namespace and without access to locals, and returns a constant node holding
/// its value. Errors: bad arity -> compile_bad_special_form; an exception while
/// evaluating -> compile_error with the cause's message.
Node* analyze_comptime_unquote(Analyzer& a, Value form, const std::vector<Value>& items, const Ctx& ctx);

}  // namespace clove
