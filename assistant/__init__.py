"""政策助手: grounded Q&A over Chinese policy texts, offline by default."""

from .config import Settings, apply_offline_environment

apply_offline_environment()  # before chromadb / gradio / transformers are imported

from .answer.questions import QuestionError  # noqa: E402
from .app import Assistant  # noqa: E402
from .schema import Answer, Passage, Sentence, Turn  # noqa: E402

__all__ = ["Answer", "Assistant", "Passage", "QuestionError", "Sentence", "Settings", "Turn"]
__version__ = "0.1.0"
