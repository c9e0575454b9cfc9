// special_forms.cpp: the table of special forms (SPEC L2). Each is analyzed by its own
// file; everything else in the language is a macro or a function.
#include <string_view>

#include "compiler/analyze/analyzer.h"

namespace clove {

Node* analyze_def(Analyzer&, Value, const std::vector<Value>&, const Ctx&);
Node* analyze_if(Analyzer&, Value, const std::vector<Value>&, const Ctx&);
Node* analyze_do(Analyzer&, Value, const std::vector<Value>&, const Ctx&);
Node* analyze_let(Analyzer&, Value, const std::vector<Value>&, const Ctx&);
Node* analyze_loop(Analyzer&, Value, const std::vector<Value>&, const Ctx&);
Node* analyze_recur(Analyzer&, Value, const std::vector<Value>&, const Ctx&);
Node* analyze_fn_form(Analyzer&, Value, const std::vector<Value>&, const Ctx&);
Node* analyze_quote(Analyzer&, Value, const std::vector<Value>&, const Ctx&);
Node* analyze_var(Analyzer&, Value, const std::vector<Value>&, const Ctx&);
Node* analyze_throw(Analyzer&, Value, const std::vector<Value>&, const Ctx&);
Node* analyze_try(Analyzer&, Value, const std::vector<Value>&, const Ctx&);
Node* analyze_catch_outside_try(Analyzer&, Value, const std::vector<Value>&, const Ctx&);
Node* analyze_letfn(Analyzer&, Value, const std::vector<Value>&, const Ctx&);
Node* analyze_set(Analyzer&, Value, const std::vector<Value>&, const Ctx&);
Node* analyze_case(Analyzer&, Value, const std::vector<Value>&, const Ctx&);

SpecialForm find_special_form(std::string_view name) {
  struct Entry {
    std::string_view name;
    SpecialForm fn;
  };
  static constexpr Entry kTable[] = {
      {"def", analyze_def},       {"if", analyze_if},
      {"do", analyze_do},         {"let*", analyze_let},
      {"loop*", analyze_loop},    {"recur", analyze_recur},
      {"fn*", analyze_fn_form},   {"quote", analyze_quote},
      {"var", analyze_var},       {"throw", analyze_throw},
      {"try", analyze_try},       {"catch", analyze_catch_outside_try},
      {"finally", analyze_catch_outside_try},
      {"letfn*", analyze_letfn},  {"set!", analyze_set},
      {"case*", analyze_case},
  };
  for (const Entry& e : kTable)
    if (e.name == name) return e.fn;
  return nullptr;
}

}  // namespace clove
