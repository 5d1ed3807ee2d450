"""What every method mixin of :class:`commerce.Engine` shares: the type names of its signatures, and the one
decoding point for outcomes."""

from __future__ import annotations

import sys
from typing import Any, Dict, Union

_pkg = sys.modules[__package__]  # the commerce package (still initialising while the mixins import this module)

Text = Union[str, bytes]
Doc = Dict[str, Any]
Ref = Union[Text, Doc]  # an id, or the document that has it as "id"


def _result(outcome):
    # looked up at call time, so that commerce._result stays the single decoding point (tests wrap it)
    return _pkg._result(outcome)
