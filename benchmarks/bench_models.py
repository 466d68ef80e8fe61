"""Latency of each model call a widget makes (goal: median < 5 ms, p95 < 20 ms on the 2-core CI machine).

A second table times long schedules no widget builds (a year of maintenance) and how cost grows with the number
of doses: it must grow no faster than linearly (ms per dose roughly constant).
"""

import itertools

import numpy as np
from timing import print_table, summary, time_call

from ketamine_sim import cascade, circuit, clinical, pharmacokinetics, plasticity, population, receptors, sensitivity
from ketamine_sim.widgets import capstone as capstone_widgets
from ketamine_sim.widgets import clinic as clinic_widgets
from ketamine_sim.widgets import disinhibition as disinhibition_widgets
from ketamine_sim.widgets import enantiomers as enantiomer_widgets
from ketamine_sim.widgets import fading as fading_widgets
from ketamine_sim.widgets import indications as indication_widgets
from ketamine_sim.widgets import monoamines as monoamine_widgets
from ketamine_sim.widgets import surge as surge_widgets
from ketamine_sim.widgets import synaptogenesis as synaptogenesis_widgets
from ketamine_sim.widgets import window as window_widgets

GOAL_MEDIAN_MS, GOAL_P95_MS = 5.0, 20.0

HOURS_2D = np.linspace(0.0, 48.0, 400)
HOURS_3W = np.linspace(0.0, 21 * 24.0, 1000)
DAYS_16W = np.linspace(0.0, 112.0, 1121)
HOURS_8W = np.linspace(0.0, 8 * 7 * 24.0, 2000)
CONC_SWEEP = np.logspace(-2, 2, 200)
ESKETAMINE = clinical.esketamine_course(maintenance_weeks=4)
BRAIN_2D = pharmacokinetics.brain_ketamine_uM(HOURS_2D)
MINUTES_1D = np.linspace(0.0, 1440.0, 481)
BRAIN_1D = pharmacokinetics.brain_ketamine_uM(MINUTES_1D / 60.0)
HOURS_13W = np.linspace(0.0, 13 * 7 * 24.0, 2000)
REPEATED = clinical.repeated_infusions(weekly_maintenance=10)
HOURS_1Y = np.linspace(0.0, 372 * 24.0, 3000)
WEEKLY_YEAR = tuple(pharmacokinetics.standard_infusion(168.0 * k) for k in range(52))
ESKETAMINE_YEAR = tuple(pharmacokinetics.esketamine_nasal(24.0 * (7 * w + d)) for w in range(52) for d in (0, 3))
SSRI_TAUS = itertools.cycle(np.linspace(5.0, 60.0, 997))  # a new time constant on every call, as a slider drag
LAGS = itertools.cycle(np.linspace(0.0, 30.0, 301))  # a new assumed pyramidal lag on every call
SWITCH = itertools.cycle((0, 1))
NBQX_BLOCKS = itertools.cycle(np.linspace(0.0, 1.0, 997))  # a new NBQX block on every call
SURGE_DOSES = itertools.cycle(np.linspace(0.1, 10.0, 997))  # a new dose on every call
VOLTAGES = itertools.cycle(np.linspace(-80.0, -10.0, 997))
SYN_BLOCKS = itertools.cycle(np.linspace(0.0, 1.0, 997))  # a new rapamycin block on every call
MATURATIONS = itertools.cycle(np.linspace(6.0, 168.0, 997))  # a new assumed SV2A maturation lag on every call
PLANS = itertools.cycle(itertools.product(range(1, 9), range(1, 8), range(0, 5)))  # a new schedule on every call
RELAPSES = itertools.cycle(itertools.product((0, 1), (1, 2, 3, 4), np.arange(0.0, 0.21, 0.02)))  # 88 > cache
FAST_SHARES = itertools.cycle(np.linspace(0.2, 0.8, 997))  # a new assumed fast distribution share per call
IV_DOSES = itertools.cycle(np.linspace(0.05, 4.5, 997))  # a new IV dose on every call
UNBLOCK_RATES = itertools.cycle(np.linspace(0.01, 0.2, 997))  # a new assumed unblocking rate on every call
CLINIC_YEARS = itertools.cycle(range(2000, 2026))  # a new publication-year filter on every call
CLINIC_TRIALS = itertools.cycle(itertools.product(range(1, 7), (0, 1)))  # new infusions and comparator per call

COMPARISONS3 = itertools.cycle((0, 1, 2))  # the block explorer's three comparisons
ROUTE_STRENGTHS = itertools.cycle(np.linspace(0.0, 1.5, 997))  # a new assumed route strength on every call
SESSION_DAYS = itertools.cycle(np.linspace(0.0, 7.0, 997))  # a new session time on every call
WINDOW_GAINS = itertools.cycle(np.linspace(1.0, 14.0, 997))  # a new assumed window gain on every call
CAPSTONE_DOSES = itertools.cycle(np.linspace(0.1, 1.0, 10))  # the dashboard's dose positions
CAPSTONE_KS = itertools.cycle(np.linspace(0.16, 0.64, 997))  # a new assumed TrkB half-activation on every call

CALLS = {
    "receptors.nmda_snapshot (I-V, 141 V)": lambda: receptors.nmda_snapshot(-40.0, 0.8, 1.0),
    "receptors.dose_response (161 conc, 3 forms)": lambda: receptors.dose_response(),
    "pharmacokinetics.plasma_ketamine_uM (400 t)": lambda: pharmacokinetics.plasma_ketamine_uM(HOURS_2D),
    "pharmacokinetics.brain_ketamine_uM (400 t)": lambda: pharmacokinetics.brain_ketamine_uM(HOURS_2D),
    "circuit.steady_state (200 conc)": lambda: circuit.steady_state(CONC_SWEEP),
    "receptors.block_time_course (PK course, 481 t)": lambda: receptors.block_time_course(MINUTES_1D, BRAIN_1D, 20.0),
    "circuit.simulate (400 t)": lambda: circuit.simulate(HOURS_2D, BRAIN_2D),
    "plasticity.spine_density (3 weeks, 1000 t)": lambda: plasticity.spine_density(HOURS_3W, 1.0),
    "clinical.single_infusion_effect (3 weeks, 1000 t)": lambda: clinical.single_infusion_effect(HOURS_3W),
    "clinical.ssri_effect (16 weeks, 1121 t)": lambda: clinical.ssri_effect(DAYS_16W),
    "clinical.schedule_effect (esketamine 8 weeks, 2000 t)": lambda: clinical.schedule_effect(HOURS_8W, ESKETAMINE),
    "cascade.run (single infusion, 3 weeks, 1000 t)": lambda: cascade.run(HOURS_3W),
    "widgets.monoamines.ssri_course (16 weeks, new tau)": lambda: monoamine_widgets.ssri_course(1, next(SSRI_TAUS)),
    "widgets.monoamines.hours_vs_weeks (500 t, new tau)":
        lambda: monoamine_widgets.hours_vs_weeks(next(SSRI_TAUS), 24.0),
    "widgets.disinhibition.dose_circuit (161 conc, account switch)":
        lambda: disinhibition_widgets.dose_circuit(next(SWITCH)),
    "widgets.disinhibition.arrival (361 t, new lag)": lambda: disinhibition_widgets.arrival(next(LAGS)),
    "widgets.surge.nbqx_experiment (4 arms, new block)": lambda: surge_widgets.nbqx_experiment(next(NBQX_BLOCKS)),
    "widgets.surge.increase_decrease (241 t, new dose)":
        lambda: surge_widgets.increase_decrease(next(SURGE_DOSES), 90.0),
    "widgets.surge.currents (new voltage)": lambda: surge_widgets.currents(next(VOLTAGES)),
    "widgets.synaptogenesis.chain (6 stages, 97 t, new rapamycin)":
        lambda: synaptogenesis_widgets.chain(0.0, next(SYN_BLOCKS)),
    "widgets.synaptogenesis.weeks (6 weeks, 505 t, new rapamycin)":
        lambda: synaptogenesis_widgets.weeks(rapamycin=next(SYN_BLOCKS)),
    "widgets.synaptogenesis.sv2a (2 weeks, 673 t, new lag)": lambda: synaptogenesis_widgets.sv2a(next(MATURATIONS)),
    "widgets.indications.bands (720 t, new fast share)":
        lambda: indication_widgets.bands(3, next(FAST_SHARES)),
    "widgets.indications.block (720 t, new dose; dose curve cached)":
        lambda: indication_widgets.block(next(IV_DOSES), 0, 0.02),
    "widgets.indications.block (720 t + 17 doses x 240 t, new unblocking rate)":
        lambda: indication_widgets.block(2.0, 0, next(UNBLOCK_RATES)),
    "widgets.clinic.forest (8 trials, model beside them, new year)":
        lambda: clinic_widgets.forest.__wrapped__(next(CLINIC_YEARS), 0, 1),
    "widgets.clinic.virtual (2 x 200 patients, 229 t, new arms)":
        lambda: clinic_widgets.virtual.__wrapped__(*next(CLINIC_TRIALS), 200),
    "widgets.fading.plan (12 weeks, 500 patients, new schedule, uncached; live: all 280 positions precomputed)":
        lambda: fading_widgets._plan.__wrapped__(*next(PLANS)),
    "widgets.fading.relapse (KM + Cox; trial cached per interval, new assumed rate)":
        lambda: fading_widgets.relapse(*next(RELAPSES)),
    "clinical.schedule_effect (6 + 10 weekly infusions, 13 weeks, 2000 t)":
        lambda: clinical.schedule_effect(HOURS_13W, REPEATED),
    "widgets.enantiomers.blocks (3 regimens x 361 t, uncached)":
        lambda: enantiomer_widgets.blocks.__wrapped__(next(COMPARISONS3), next(SWITCH)),
    "widgets.enantiomers.winner (3 forms at 24 h, new route strength)":
        lambda: enantiomer_widgets.winner(next(SWITCH), next(ROUTE_STRENGTHS)),
    "widgets.window.session (1 week, 337 t, new session day, uncached)":
        lambda: window_widgets.session.__wrapped__(next(SESSION_DAYS), 0.45),
    "widgets.window.widths (3 weeks, 505 t, new gain)": lambda: window_widgets.widths(0.45, next(WINDOW_GAINS)),
    "widgets.capstone.dashboard (8 weeks, 6 infusions, ~330 t, uncached; live: all 30 positions precomputed)":
        lambda: capstone_widgets._dashboard.__wrapped__(next(CAPSTONE_DOSES), 1),
    "widgets.capstone.rested (ranking, precomputed Morris)": lambda: capstone_widgets.rested(next(SWITCH)),
    "sensitivity.run (one chain run, circuit cached, new TrkB K)":
        lambda: sensitivity.run({"k_trkb": next(CAPSTONE_KS)}),
}

LONG = {
    "clinical.schedule_effect (weekly infusions, 1 year, 52 doses)":
        lambda: clinical.schedule_effect(HOURS_1Y, WEEKLY_YEAR),
    "clinical.schedule_effect (esketamine twice weekly, 1 year, 104 doses)":
        lambda: clinical.schedule_effect(HOURS_1Y, ESKETAMINE_YEAR),
    "cascade.run (weekly infusions, 1 year, 52 doses)": lambda: cascade.run(HOURS_1Y, WEEKLY_YEAR),
}
GROWTH_DOSES = (13, 26, 52, 104)

COHORT_10K = population.sample(10_000)
HOURS_8W_6H = np.arange(0.0, 8 * 7 * 24.0 + 1.0, 6.0)


def _cohort_8w(doses):
    """10,000 virtual patients over eight weeks, the average patient's components recomputed (cache cleared)."""
    population._drive_rows.cache_clear()
    return population.simulate(HOURS_8W_6H, doses, COHORT_10K)


POPULATION = {  # goal: at most 1 s per call
    "population.simulate (10,000 patients, six infusions + 4 weekly, 8 weeks, 225 t)":
        lambda: _cohort_8w(clinical.repeated_infusions(4)),
    "population.simulate (10,000 patients, esketamine 8 weeks, 225 t)": lambda: _cohort_8w(ESKETAMINE),
    "population.sample (10,000 patients)": lambda: population.sample(10_000, seed=7),
    "population.withdrawal_trial (3,000 patients, 32 weeks, uncached)":
        lambda: (population._withdrawal_core.cache_clear(), population.withdrawal_trial(3000)),
}


def _weekly(n):
    """``n`` weekly standard infusions and 2000 times over them."""
    return np.linspace(0.0, n * 168.0, 2000), tuple(pharmacokinetics.standard_infusion(168.0 * k) for k in range(n))


def main():
    rows = []
    for name, call in CALLS.items():
        median, p95 = summary(time_call(call, repeats=200))
        ok = "yes" if median < GOAL_MEDIAN_MS and p95 < GOAL_P95_MS else "NO"
        rows.append((name, f"{median:.2f}", f"{p95:.2f}", ok))
    print_table("Model calls (ms per call, 200 repeats)", ("call", "median", "p95", "goal met"), rows)
    rows = [(name, *(f"{x:.1f}" for x in summary(time_call(call, repeats=20)))) for name, call in LONG.items()]
    print_table("Long schedules (ms per call, 20 repeats; no widget builds them)", ("call", "median", "p95"), rows)
    rows = []
    for n in GROWTH_DOSES:
        t, doses = _weekly(n)
        median, _ = summary(time_call(lambda t=t, d=doses: clinical.schedule_effect(t, d), repeats=20))
        rows.append((n, f"{median:.1f}", f"{median / n:.3f}"))
    print_table("Cost against the number of weekly doses (2000 t)", ("doses", "median ms", "ms per dose"), rows)
    rows = []
    for name, call in POPULATION.items():
        median, p95 = summary(time_call(call, repeats=10))
        rows.append((name, f"{median:.0f}", f"{p95:.0f}", "yes" if p95 <= 1000.0 else "NO"))
    print_table("Virtual patients (ms per call, 10 repeats; goal <= 1 s)", ("call", "median", "p95", "goal met"), rows)


if __name__ == "__main__":
    main()
