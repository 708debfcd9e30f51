from __future__ import annotations

import sys
from pathlib import Path

# the reference scorer and the synthetic predictions are plain modules beside the tests
sys.path.insert(0, str(Path(__file__).parent))
