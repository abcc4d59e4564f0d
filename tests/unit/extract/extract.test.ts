import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extract, TOPICS, topicLabel } from '../../../lib/extract';

const names = (title: string, abstract = '') => extract({ title, abstract }).benchmarks.map((b) => b.name);
const found = (abstract: string) => names('', abstract);

// Hard cases named by issue 3 (item 2). Each row is one sentence as papers write it.
describe('catalogue matching', () => {
  it.each([
    // names that are also words: case and a cue decide
    ['We evaluate on MATH and GSM8K.', ['MATH', 'GSM8K']],
    ['Accuracy on MATH rises to 61.2%.', ['MATH']],
    ['Models struggle with math word problems and basic math.', []],
    ['This is a MATH problem from a textbook', []],
    ['We report accuracy on ARC-Challenge and ARC-Easy.', ['ARC-Challenge', 'ARC-Easy']],
    ['Results on the ARC benchmark improve by 4 points.', ['ARC']],
    ['The arc of the story bends; an ARC welder is used.', []],
    ['We fine-tune a detector on COCO.', ['COCO']],
    ['The coco palm grows by the coast.', []],
    ['Zero-shot results on PIQA, HellaSwag and WinoGrande.', ['PIQA', 'HellaSwag', 'WinoGrande']],
    ['We run the HELM benchmark suite.', ['HELM']],
    ['Pilots steer the helm of the ship.', []],
    ['We pretrain on the Pile for 300B tokens.', ['The Pile']],
    ['A pile of papers sits on the desk.', []],
    // versions and variants are other benchmarks
    ['Scores on RewardBench 2 are 20 points lower than on RewardBench.', ['RewardBench 2', 'RewardBench']],
    ['We report MMLU-Pro and MMLU accuracy.', ['MMLU-Pro', 'MMLU']],
    ['Top-1 accuracy on ImageNet-1k is 84.2%.', ['ImageNet-1k']],
    ['We test on SWE-bench Verified.', ['SWE-bench Verified']],
    ['HumanEval+ and MBPP+ are stricter than HumanEval.', ['HumanEval+', 'MBPP+', 'HumanEval']],
    // multi-word names
    ['on two datasets, GSM8K and Game of 24, the verifier helps', ['GSM8K', 'Game of 24']],
    ['answers to the American Community Survey (ACS) by the U.S. Census Bureau', ['American Community Survey']],
    // spelling variants meet after normalisation
    ['GSM-8K, GSM 8K and gsm8k', ['GSM8K']],
    ['multi-hop QA on HotPotQA', ['HotpotQA']],
    ['evaluations on AlpacaEval2.0 and MT-Bench', ['AlpacaEval 2.0', 'MT-Bench']],
    ['high returns on the Mujoco benchmark suite', ['MuJoCo']],
    // LaTeX and markup remnants
    ['accuracy on \\textsc{MMLU} and $\\text{GSM8K}$ improves from 53\\% to 65\\%', ['MMLU', 'GSM8K']],
    ['\\textbf{MATH}~\\cite{hendrycks2021} and \\emph{HumanEval}', ['MATH', 'HumanEval']],
    ['We define $\\mathcal{O}(n)$ and \\mathrm{ARC} length', []],
    // names inside model names are not mentions
    ['Qwen2.5-Math-Instruct and Llama-3.1-70B-Instruct are strong.', []],
    // a capitalised name found all in lower case is prose unless a strong cue says otherwise
    ['the total text length and moments in time, a perception test of the last letters', []],
    ['We use the Moments in Time dataset and Total-Text.', ['Moments in Time', 'Total-Text']],
    ['we report gsm8k accuracy and results on imagenet', ['GSM8K', 'ImageNet']],
    // short acronyms only as acronyms
    ['We report DTD and OGB results.', ['DTD', 'OGB']],
    ['the ett and abo are lowercase words here', []],
    // an adjective on a name is still that benchmark; a number after it is a resolution
    ['MMLU-style questions and ImageNet-pretrained encoders at ImageNet-256', ['MMLU', 'ImageNet']],
  ])('%s', (abstract, expected) => {
    expect(found(abstract)).toEqual(expected);
  });

  it('does not trust exact case in a title written in capitals', () => {
    expect(names('SOLVING MATH WORD PROBLEMS WITH SMALL MODELS')).toEqual([]);
    expect(names('SCALING GSM8K ACCURACY')).toEqual(['GSM8K']);
    expect(names('Solving MATH problems with small models')).toEqual(['MATH']);
  });

  it('keeps what the text said for the hover, and where the catalogue knows it, area and link', () => {
    const [gsm] = extract({ title: '', abstract: 'Results on GSM-8K improve.' }).benchmarks;
    expect(gsm).toMatchObject({ name: 'GSM8K', matched: ['GSM-8K'], discovered: false, area: 'math' });
    expect(gsm!.url).toMatch(/^https:\/\//);
  });
});

describe('discovery of benchmarks the catalogue does not know', () => {
  it.each([
    ['introduced with an appositive', 'We introduce ValueLens, a large-scale dataset of 20k dilemmas.', ['ValueLens']],
    ['introduced with a parenthesis', 'We release a new dataset (OpinMix) for opinion summarization.', ['OpinMix']],
    ['named after the noun', 'To evaluate LLMs we introduce a new benchmark, Zeta, that covers 12 domains.', ['Zeta']],
    ['an -Bench name', 'We introduce Tiger-Bench as an extensible collection of benchmarks.', ['Tiger-Bench']],
    ['a camel-case QA name', 'We build ClinicalTrialQA from registry records.', ['ClinicalTrialQA']],
    ['a name before "dataset"', 'Experiments on the FooSet-2 dataset show gains.', ['FooSet-2']],
    ['a long name in parentheses', 'this work introduces CLAMP (Character-Level Assessment of Multiple Perspectives), a curated dataset of 345 cases', ['CLAMP']],
    ['a version number', 'This paper introduces QuillBench 2, a new multi-skill benchmark.', ['QuillBench 2']],
    ['described by its size', 'To this end, we curate PrefCompass, a suite of 4,000 preference pairs.', ['PrefCompass']],
    ['named at the end of the phrase', 'We present the first large-scale dataset for moral reasoning in daily life, named Quandary.', ['Quandary']],
    ['as a pair', 'We release MoralPairs and EthicsQA-Hard, two datasets of annotated dilemmas.', ['MoralPairs', 'EthicsQA-Hard']],
  ])('finds a name %s', (_, abstract, expected) => {
    const extraction = extract({ title: '', abstract });
    expect(extraction.benchmarks.map((b) => b.name)).toEqual(expected);
    expect(extraction.benchmarks.every((b) => b.discovered)).toBe(true);
  });

  it('finds unknown names listed beside known benchmarks', () => {
    expect(found('We evaluate on GSM8K, MATH, and FooBench-Hard and on the AIME24, ZebraQA, and MMLU datasets.')).toEqual([
      'GSM8K',
      'MATH',
      'FooBench-Hard',
      'AIME 2024',
      'ZebraQA',
      'MMLU',
    ]);
    expect(found('Results on MMLU, and OurMethod improves accuracy.')).toEqual(['MMLU']);
    expect(found('We evaluate on GSM8K with Llama-3 and Qwen2.5.')).toEqual(['GSM8K']);
  });

  it('finds a name introduced by what it contains', () => {
    expect(found('We release DialoSum-2, containing 15,000 annotated dialogues.')).toEqual(['DialoSum-2']);
    expect(found('We present ChemQuest (Chemistry Questions), which consists of 1.2k problems.')).toEqual(['ChemQuest']);
    expect(found('We propose Hermes, consisting of 3 modules with 7B parameters.')).toEqual([]);
    expect(found('We curate a new resource. ValueLens contains 218k values and 31k situations.')).toEqual(['ValueLens']);
    expect(found('Our model contains 7B parameters. GPT-4 contains 120 layers. Themis consists of three modules.')).toEqual([]);
  });

  it('reports a catalogue name with more name written onto it as a new benchmark', () => {
    const { benchmarks } = extract({ title: '', abstract: 'On TAPVid-3D our tracker is better; Alpaca-7B is a model.' });
    expect(benchmarks).toHaveLength(1);
    expect(benchmarks[0]).toMatchObject({ name: 'TAPVid-3D', discovered: true });
  });

  it('reads the title "X: A Benchmark for ..."', () => {
    expect(names('Mamba-Eval: a Mathematical Modeling Benchmark with Solvers')).toEqual(['Mamba-Eval']);
    expect(names('NurseVal: Real-World Nursing Values Evaluation for Large Language Models')).toEqual(['NurseVal']);
  });

  it.each([
    ['model names', 'We compare GPT-4o, Claude-Sonnet and Llama-3.1-70B-Instruct on our dataset.'],
    ['method names', 'We train with DPO and PPO, and search with MCTS over the dataset.'],
    ['the paper\'s own method', 'We propose Themis, a tool-augmented reward model, and Crome, a novel framework. Crome improves accuracy on three datasets.'],
    ['generic acronyms before "dataset"', 'We collect an RLHF dataset, an SFT dataset and an LLM-generated dataset.'],
    ['titles that name a method', 'GLoRe: When, Where, and How to Improve LLM Reasoning via Global and Local Refinements'],
    ['licences and numbers', 'We open-source this dataset (CC-BY-4.0 license); scores on the dataset (94.55) are high.'],
    ['ordinary capitalised words', 'Easy-Level dataset and Hard-Level dataset. This benchmark is hard.'],
    ['adjectives made of dataset words', 'We present Foo, a dataset-free method, and Bar, a benchmark-driven recipe.'],
    ['collections of methods', 'We introduce ToolKit, a collection of methods for agents.'],
    ['methods named after datasets', 'We propose DistilX, a dataset distillation method, and Kappa, a benchmark construction pipeline.'],
    ['named methods', 'We propose a novel framework for alignment, named Themis, and a dataset-aware method called Crome.'],
    ['field and data acronyms', 'We evaluate on STEM benchmarks, an MCQ benchmark, EHR datasets and 3D datasets.'],
    ['frameworks, toolkits and links', 'We propose Lumen, a novel framework. We introduce OpenToolkit, an open-source toolkit. Code: https://github.com/foo/Bar.'],
    ['prompting techniques and judges', 'Using GPT-4 as a judge and Chain-of-Thought (CoT) prompting, SOTA models fail.'],
  ])('does not report %s', (_, text) => {
    expect(extract({ title: text.startsWith('GLoRe') ? text : '', abstract: text.startsWith('GLoRe') ? '' : text }).benchmarks).toEqual([]);
  });
});

describe('reported results', () => {
  it('ties "94.1 on RewardBench" to RewardBench', () => {
    const { results, benchmarks } = extract({ title: '', abstract: 'A model tuned this way scores 94.1 on RewardBench, emerging top of 140 models as of 1 Oct 2024.' });
    expect(results).toEqual([{ benchmark: 'RewardBench', value: 94.1, unit: '', text: '94.1 on RewardBench' }]);
    expect(benchmarks[0]!.results).toEqual(results);
  });

  it('reads "improved by 103% on WebShop and 75% on HotPotQA"', () => {
    const { results } = extract({ title: '', abstract: 'The agent improved by 103% on WebShop and 75% on HotPotQA when enhanced.' });
    expect(results).toEqual([
      { benchmark: 'WebShop', value: 103, unit: '%', text: '103% on WebShop' },
      { benchmark: 'HotpotQA', value: 75, unit: '%', text: '75% on HotPotQA' },
    ]);
  });

  it('ties "+5.4% accuracy" to the benchmark the sentence is about', () => {
    const { results } = extract({ title: '', abstract: 'On RewardBench our method is best, with +5.4% accuracy over the baseline.' });
    expect(results).toEqual([{ benchmark: 'RewardBench', value: 5.4, unit: '%', text: '+5.4% accuracy' }]);
  });

  it('reads LaTeX percent signs and "from X to Y"', () => {
    const { results } = extract({ title: '', abstract: 'we improve the accuracy on GSM8K from 53\\% to 65\\% when greedily sampled.' });
    expect(results.map((r) => [r.benchmark, r.value, r.unit])).toEqual([
      ['GSM8K', 53, '%'],
      ['GSM8K', 65, '%'],
    ]);
  });

  it('reads "from X to Y" scores and skips the k of pass@k', () => {
    const { results } = extract({ title: '', abstract: 'It improves pass@1 on HumanEval from 87.2 to 92.7, and MBPP by 4.1 points.' });
    expect(results.map((r) => [r.benchmark, r.value, r.unit])).toEqual([
      ['HumanEval', 87.2, ''],
      ['HumanEval', 92.7, ''],
      ['MBPP', 4.1, 'pts'],
    ]);
  });

  it('does not tie a number to training data or to the subject of a sentence', () => {
    const text =
      'We introduce MM-Pref, a dataset of 120k pairs. Fine-tuning with MM-Pref leads to a 19.5% increase in safety. ' +
      'ValueSet, a dataset of values, is rated high-quality 91% of the time.';
    expect(extract({ title: '', abstract: text }).results).toEqual([]);
  });

  it('ignores counts, years and model sizes', () => {
    const { results } = extract({ title: '', abstract: 'In 2024 we trained 7B and 13B models on 1,360 GSM8K problems with 8 GPUs.' });
    expect(results).toEqual([]);
  });

  it('does not tie a number across sentences', () => {
    const { results } = extract({ title: '', abstract: 'We use MMLU. Our new loss gives 12% lower latency.' });
    expect(results).toEqual([]);
  });
});

describe('topics', () => {
  it('exports the vocabulary of topics.tsv with labels', () => {
    expect(TOPICS.length).toBe(43);
    expect(TOPICS[0]).toMatchObject({ id: 'reward-modeling', label: 'Reward modeling' });
    expect(topicLabel('math-reasoning')).toBe('Mathematical reasoning');
    expect(topicLabel('not-a-topic')).toBe('not-a-topic');
  });

  it('gives 1 to 4 topics with the words that triggered them', () => {
    const { topics } = extract({
      title: 'Process Reward Models for Mathematical Reasoning',
      abstract: 'We train a process reward model (PRM) that scores each step of math word problems and improves GSM8K accuracy.',
    });
    expect(topics.length).toBeGreaterThanOrEqual(1);
    expect(topics.length).toBeLessThanOrEqual(4);
    expect(topics.map((t) => t.id)).toEqual(expect.arrayContaining(['process-supervision', 'math-reasoning']));
    const process = topics.find((t) => t.id === 'process-supervision')!;
    expect(process.triggers).toContain('Process Reward Models');
    expect(process.label).toBe('Process supervision & verifiers');
    for (let i = 1; i < topics.length; i++) expect(topics[i - 1]!.score).toBeGreaterThanOrEqual(topics[i]!.score);
  });

  it('has keyword phrases for every topic of the vocabulary', () => {
    const keywords = readFileSync(new URL('../../../lib/extract/data/topic-keywords.tsv', import.meta.url), 'utf8');
    const covered = new Set(keywords.split('\n').filter((l) => l && !l.startsWith('#')).map((l) => l.split('\t')[0]));
    for (const topic of TOPICS) expect(covered, topic.id).toContain(topic.id);
  });

  it('reads topic words that a cue-less benchmark name also spells', () => {
    const { topics } = extract({ title: '', abstract: 'Traffic forecasting for time series of sensor data.' });
    expect(topics.map((t) => t.id)).toContain('time-series');
  });

  it('gives no topic when nothing supports one', () => {
    expect(extract({ title: 'Notes', abstract: 'The cat sat on the mat.' }).topics).toEqual([]);
    expect(extract({ title: '', abstract: '' }).topics).toEqual([]);
  });

  it('needs more than one word in passing, and counts a repeated word less each time', () => {
    expect(extract({ title: '', abstract: 'We also transcribe speech.' }).topics).toEqual([]);
    const many = extract({ title: '', abstract: 'speech speech speech speech speech speech' }).topics;
    expect(many.map((t) => t.id)).toEqual(['speech-audio']);
    expect(many[0]!.score).toBeLessThan(3 * 6 * 0.7); // the k-th repeat counts 1/sqrt(k): 3 * 3.64 = 10.9
  });
});
