"""``factcheck eval``: an engine measured on labelled cases beside two baselines.

``cases`` loads the shared case format; ``predictors`` turns a case into signals (the local
support scorer, or the llm engine's check) and signals into labels; ``metrics`` holds
precision, recall and F1, balanced accuracy, ROC AUC and the threshold search; ``groups``
scores one claim-vs-source group, pooled and per subset, beside a majority-class and a
lexical-overlap baseline, and says why each case judged unsupported was; ``runner`` runs the
files (cluster cases through the pipeline); ``render`` prints the results as tables or JSON.
"""

from .cases import Case, iter_files, load_cases
from .metrics import Scores
from .predictors import LocalPredictor, Signals, fit_thresholds, local_predictor
from .render import render_eval
from .runner import EvalRun, cluster_runner, evaluate, run_eval

__all__ = [
    "Case",
    "EvalRun",
    "LocalPredictor",
    "Scores",
    "Signals",
    "cluster_runner",
    "evaluate",
    "fit_thresholds",
    "iter_files",
    "load_cases",
    "local_predictor",
    "render_eval",
    "run_eval",
]
