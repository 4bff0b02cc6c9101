"""``factcheck eval``: an engine measured on labelled cases beside two baselines.

``cases`` loads the shared case format; ``predictors`` turns a case into signals (the local
support scorer, or the llm engine's check) and signals into labels; ``metrics`` holds
precision, recall and F1, balanced accuracy, ROC AUC and the threshold search; ``runner``
scores each group of cases (cluster cases through the pipeline) beside a majority-class and a
lexical-overlap baseline; ``render`` prints the results as tables or JSON.
"""

from .cases import Case, iter_files, load_cases
from .metrics import Scores
from .render import render_eval
from .runner import EvalRun, cluster_runner, evaluate, run_eval

__all__ = [
    "Case",
    "EvalRun",
    "Scores",
    "cluster_runner",
    "evaluate",
    "iter_files",
    "load_cases",
    "render_eval",
    "run_eval",
]
