// special_do.cpp: (do forms...): every form in order, the value of the last (nil if none).
#include "compiler/analyze/analyzer.h"

namespace clove {

Node* analyze_do(Analyzer& a, Value form, const std::vector<Value>& items, const Ctx& ctx) {
  return a.analyze_body(items, 1, ctx, form);
}

}  // namespace clove
