## Growth toolkit: value proposition, unit economics, traction map, intake brief.
## Keys are built from analytics codes: tk-vp-* (value proposition), tk-ue-* and tk-lever-*
## (unit economics), tk-x2-* (x2 plan), tk-tr-* (traction map), tk-gm-* (growth metric),
## tk-iv-* (interview), tk-brief-* (brief), tk-err-* (answers-file errors).

## Common

tk-yes-no-yes = yes
tk-yes-no-no = no
tk-yes-no-unknown = don't know
tk-period-week = per week
tk-period-month = per month
tk-period-quarter = per quarter
tk-period-year = per year

## Value proposition: questions

tk-vp-q-segment = Who exactly benefits? Describe a real person; if it is a business, its industry, size and who in the company decides to buy.
tk-vp-q-problem = Which problem or task of this client do you solve, one that stands before them now?
tk-vp-q-situation = In which situation does this problem arise? What happens right before the client needs you?
tk-vp-q-solution = What exactly do you offer this client: product, service, format?
tk-vp-q-extra-benefit = What does the client gain beyond the solved problem? How much is it in money, hours or times?
tk-vp-q-proof = How do you check that the client really received this benefit? Which metric, and when do you look at it?

tk-vp-hint-segment = For example: "owners of beauty salons in big cities, 3-10 stylists, who manage bookings themselves".
tk-vp-hint-problem = For example: "clients forget their appointment and do not come, the stylist sits idle".
tk-vp-hint-situation = For example: "when the booking was made more than a week ahead and nobody reminded the client the day before".
tk-vp-hint-solution = For example: "online booking with messenger reminders a day and two hours before".
tk-vp-hint-extra-benefit = For example: "30% fewer no-shows, the administrator spends 2 hours a day less on calls".
tk-vp-hint-proof = For example: "a month after launch we compare the no-show rate with the previous month".

tk-vp-field-segment = Segment
tk-vp-field-problem = Problem
tk-vp-field-situation = Situation
tk-vp-field-solution = Solution
tk-vp-field-extra-benefit = Benefit
tk-vp-field-proof = Proof

## Value proposition: weaknesses

tk-vp-weak-empty = no answer
tk-vp-weak-dont-know = "don't know"
tk-vp-weak-repeats-question = repeats the question
tk-vp-weak-too-short = too short (under { $min } words)
tk-vp-weak-vague = vague word "{ $word }"
tk-vp-weak-no-situation = does not say when it happens
tk-vp-weak-no-measure = benefit without a measure
tk-vp-weak-no-metric = no metric
tk-vp-weak-no-moment = does not say when it is checked

## Follow-up questions: field - weakness

tk-vp-fu-segment-empty = Who is your client? Name one group of people or companies that buy most often.
tk-vp-fu-segment-dont-know = Think of the last three clients who paid. What do they have in common: who they are, what they do, how big their business is?
tk-vp-fu-segment-repeats-question = You repeated the question. Describe a specific person: age, occupation, city; or for a business: industry, headcount, the role of whoever pays.
tk-vp-fu-segment-too-short = Add detail: who exactly (role, business size or age), where, and in what position?
tk-vp-fu-segment-vague = "{ $word }" is too broad. Which of them buy most often and spend most? Name the industry or occupation, the size and who decides.
tk-vp-fu-problem-empty = Which problem of the client do you solve? What is not working for them, or what do they fear right now?
tk-vp-fu-problem-dont-know = What do clients usually say in the first call or message? What complaint do they come with?
tk-vp-fu-problem-repeats-question = You repeated the question. Describe the problem in the client's words: what exactly goes wrong for them?
tk-vp-fu-problem-too-short = Say more: what exactly goes wrong for the client, and what does it put at risk?
tk-vp-fu-problem-vague = "{ $word }" is a judgement, not a problem. What concretely breaks for the client while they do not have your solution?
tk-vp-fu-problem-no-situation = When does this problem happen? Describe the last such case: what happened right before?
tk-vp-fu-situation-empty = At what moment does the client start needing your product? What happens right before?
tk-vp-fu-situation-dont-know = Think of your last client: what happened to them on the day they contacted you?
tk-vp-fu-situation-repeats-question = You repeated the question. Describe a concrete event: "when...", "before...", "after...".
tk-vp-fu-situation-too-short = Add detail: when exactly, and under what circumstances, does it happen?
tk-vp-fu-situation-vague = "{ $word }" says nothing about the situation. What is going on for the client at the moment they look for a solution?
tk-vp-fu-situation-no-situation = Name a moment or an event: "when...", "before...", "after...", a time of day, a day, a season. What triggers it?
tk-vp-fu-solution-empty = What exactly do you sell to this client? Name the product or service and its format.
tk-vp-fu-solution-dont-know = What does the client get when they pay you? Describe the product or service in one sentence.
tk-vp-fu-solution-repeats-question = You repeated the question. Name the product or service as you would write it on an invoice.
tk-vp-fu-solution-too-short = Add detail: what is in your solution and in what format does the client get it?
tk-vp-fu-solution-vague = Everyone promises "{ $word }". What in your solution can be seen or touched: contents, timing, format?
tk-vp-fu-extra-benefit-empty = What does the client gain beyond the solved problem? Money saved, time saved, more sales: how much?
tk-vp-fu-extra-benefit-dont-know = What changes for the client a month after buying? Ask your happiest client what they got.
tk-vp-fu-extra-benefit-repeats-question = You repeated the question. Name the benefit in numbers: how much money, how many hours or what percentage?
tk-vp-fu-extra-benefit-too-short = Expand on the benefit: what exactly does the client get, and how much is it in numbers?
tk-vp-fu-extra-benefit-vague = "{ $word }" cannot be checked. How would you express it in money, hours, days or percent?
tk-vp-fu-extra-benefit-no-measure = How much is it in numbers? For example: "saves 3 hours a week", "20% more repeat orders".
tk-vp-fu-proof-empty = How do you find out that the client got the benefit? What do you measure, and when?
tk-vp-fu-proof-dont-know = If you do not check the result, start simple: which one number could you learn from the client a month after the purchase?
tk-vp-fu-proof-repeats-question = You repeated the question. Name the metric and the moment: what exactly do you look at, and after how many days?
tk-vp-fu-proof-too-short = Add detail: which metric do you look at, and at what moment?
tk-vp-fu-proof-vague = "{ $word }" is an opinion, not a check. Which number do you look at to be sure of the result?
tk-vp-fu-proof-no-metric = Which number shows the result? For example: the share of repeat orders, NPS, the number of no-shows.
tk-vp-fu-proof-no-moment = When do you check it? How many days after the purchase, or at which step of working with the client?

## "Stop doing nonsense" check

tk-vp-stop-q-benefit = Which benefit do you bring to clients?
tk-vp-stop-q-clients-asked = Did clients ask you for exactly this benefit?
tk-vp-stop-q-clients-confirm = When asked, do clients name this same benefit themselves?
tk-vp-stop-lead = "Stop doing nonsense" check:
tk-vp-stop-verdict-passed = passed: clients asked for this benefit and name it themselves.
tk-vp-stop-verdict-failed = failed (asked for it: { $asked }; name it themselves: { $confirm }).
tk-vp-stop-verdict-unverified = not verified (asked for it: { $asked }; name it themselves: { $confirm }).
tk-vp-stop-advice-no-benefit = First put the benefit into words: without it there is nothing to check.
tk-vp-stop-advice-nobody-wants = Clients neither asked for this benefit nor name it: you are probably selling what matters to you, not to them. Run 5-10 problem interviews before spending on promotion.
tk-vp-stop-advice-not-asked = Clients did not ask for it: check in problem interviews whether the need exists at all.
tk-vp-stop-advice-not-confirmed = Clients name a different benefit: rewrite the proposition in their words.
tk-vp-stop-advice-passed = Use the clients' own words for the benefit in all advertising and sales scripts.
tk-vp-stop-advice-unverified = Ask 5-10 clients why they came to you and what they got, and compare it with your wording.

## Value proposition in the brief

tk-vp-statement-lead = The proposition, part by part:
tk-vp-missing-part = [no answer]
tk-vp-score-lead = Completeness:
tk-vp-score = { $score } of 100.
tk-vp-score-missing = Not answered: { $fields }.
tk-vp-score-weak = Weak answers: { $fields }.
tk-vp-col-field = Question
tk-vp-col-answer = Answer
tk-vp-col-weakness = What is wrong
tk-vp-col-follow-up = Follow-up question
tk-vp-weak-caption = Weak spots and what to ask in the session
tk-vp-all-concrete = All answers are concrete.
tk-vp-unnamed = unnamed

## Problem interview

tk-iv-intro-lead = Whom to interview:
tk-iv-intro = 5-10 people from the segment "{ $segment }". Do not sell: you are collecting facts about the client's past experience.
tk-iv-intro-generic = 5-10 of your typical clients. Do not sell: you are collecting facts about the client's past experience.
tk-iv-rules-lead = Rules for the interviewer:
tk-iv-q-context = Tell me a little about yourself: what do you do, what does a usual day or week look like?
tk-iv-q-last-time = When was the last time this happened to you: "{ $text }"? Tell me how it went.
tk-iv-q-last-time-generic = What in your work or life takes the most effort, time or money right now? When did it last happen?
tk-iv-q-situation = What was going on right before? Was it something like this: "{ $text }"?
tk-iv-q-situation-generic = What was going on right before? In which situations does it usually happen?
tk-iv-q-actions = What did you do when it happened? Whom did you turn to?
tk-iv-q-cost = What did it cost you: money, time, nerves? Can you estimate the amount?
tk-iv-q-tried = What have you already tried to solve it? What did you not like?
tk-iv-q-frequency = How often does it happen? How many times in the last month?
tk-iv-q-ideal = If this were solved, what would change for you? (Check whether they name it themselves: "{ $text }".)
tk-iv-q-ideal-generic = If this were solved, what would change for you?
tk-iv-q-proof = How would you know the problem is really solved? (Compare with your own check: "{ $text }".)
tk-iv-q-proof-generic = How would you know the problem is really solved? By which number?
tk-iv-q-others = Who else do you know in the same situation? May I talk to them?
tk-iv-rule-no-pitch = Do not talk about your product or offer a solution, even when asked: "I'll tell you at the end".
tk-iv-rule-past = Ask about the past ("when was the last time..."), not the future ("would you buy...").
tk-iv-rule-facts = Ask for examples and facts, not opinions: "tell me how it went".
tk-iv-rule-silence = Listen more: after an answer, hold a pause; people often add the most important part.
tk-iv-rule-numbers = Ask for numbers: how many times, how much money, how much time.
tk-iv-rule-count = Run 5-10 interviews per segment and write the answers down word for word before drawing conclusions.

## Unit economics: levers and questions

tk-lever-ua = UA (new potential clients)
tk-lever-c1 = C1 (conversion to purchase)
tk-lever-avg-price = Average price
tk-lever-cogs = Cost of goods per sale
tk-lever-apc = APC (purchases per client)
tk-lever-cpa = CPA (cost per potential client)

tk-ue-q-period = For which period are your numbers: week, month, quarter or year?
tk-ue-q-ua = How many new potential clients (UA) do you get per period? Visitors from ads, new CRM contacts, new subscribers.
tk-ue-q-c1 = What share of them makes a first purchase (C1)? For example 2% or 0.02.
tk-ue-q-avg-price = What is your average price (average check)?
tk-ue-q-cogs = What does one sale cost you (cost of goods: product, materials, piece-rate pay)? You may give the margin in percent instead.
tk-ue-q-margin-pct = What is your gross margin as a percentage of the price?
tk-ue-q-apc = How many purchases does one client make on average over their whole life (APC)? If they buy once, 1.
tk-ue-q-cpa = What does it cost to acquire one potential client (CPA)? Ad spend for the period divided by UA.
tk-ue-q-fixed-costs = What are your fixed costs per period (rent, salaries, services)? You may skip this.

tk-ue-in-ua = UA, new potential clients
tk-ue-in-c1 = C1, conversion to first purchase
tk-ue-in-avg-price = Average price
tk-ue-in-cogs = Cost of goods per sale (share of price)
tk-ue-in-apc = APC, purchases per client
tk-ue-in-cpa = CPA, cost per potential client
tk-ue-in-fixed-costs = Fixed costs
tk-ue-in-tax = Profit tax

tk-ue-out-buyers = Buyers
tk-ue-out-revenue = Revenue
tk-ue-out-gross-margin = Gross margin
tk-ue-out-marketing-cost = Marketing cost
tk-ue-out-contribution-profit = Contribution profit
tk-ue-out-operating-profit = Operating profit
tk-ue-out-net-profit = Net profit
tk-ue-out-cac = CAC, cost per buyer
tk-ue-out-cltv = CLTV, margin per client over life
tk-ue-out-cltv-cac = CLTV / CAC
tk-ue-out-romi = ROMI
tk-ue-out-breakeven-cpa = Break-even CPA
tk-ue-out-breakeven-c1 = Break-even C1
tk-ue-out-breakeven-cpa-fixed = Break-even CPA with fixed costs
tk-ue-out-breakeven-c1-fixed = Break-even C1 with fixed costs

tk-ue-formula-buyers = UA × C1
tk-ue-formula-revenue = Buyers × average price × APC
tk-ue-formula-gross-margin = Buyers × (price − COGS) × APC
tk-ue-formula-marketing-cost = UA × CPA
tk-ue-formula-contribution-profit = Gross margin − marketing
tk-ue-formula-operating-profit = Contribution profit − fixed costs
tk-ue-formula-net-profit = Operating profit × (1 − tax)
tk-ue-formula-cac = CPA / C1
tk-ue-formula-cltv = (price − COGS) × APC
tk-ue-formula-cltv-cac = above 1: acquisition pays back
tk-ue-formula-romi = Contribution profit / marketing
tk-ue-formula-breakeven-cpa = C1 × CLTV
tk-ue-formula-breakeven-c1 = CPA / CLTV
tk-ue-formula-breakeven-cpa-fixed = (gross margin − fixed) / UA
tk-ue-formula-breakeven-c1-fixed = (marketing + fixed) / (UA × CLTV)

tk-ue-col-input = Input
tk-ue-col-output = Metric
tk-ue-col-value = Value
tk-ue-col-source = Source
tk-ue-col-formula = How it is computed
tk-ue-col-rank = Rank
tk-ue-col-lever = Lever
tk-ue-col-step = Step
tk-ue-col-change = Before → after
tk-ue-col-delta = Profit
tk-ue-col-delta-pct = Of profit
tk-ue-source-audit = from the base audit
tk-ue-source-derived = derived from the audit
tk-ue-intro = All numbers are { $period }. The owner's answers are hypotheses: check that you believe each number and know what it is computed on.
tk-ue-outputs-caption = Results

tk-ue-flag-cltv-below-cac = A client brings less margin than it costs to acquire (CLTV < CAC): every new sale loses money.
tk-ue-flag-negative-contribution = Contribution profit is negative: marketing eats more than the margin brings.
tk-ue-flag-negative-operating-profit = After fixed costs the business makes a loss.
tk-ue-flag-breakeven-c1-impossible = Breaking even needs a conversion of { $c1 }, above 100%: at this CPA it cannot be done; change the price, the cost of goods or the channel.
tk-ue-flag-c1-high = Conversion is above 50%: check what it is computed on; UA may already be leads rather than all potential clients.

## The constraint

tk-ue-h-constraint = The constraint: which lever moves profit most
tk-ue-chart-title = Profit gain from improving each lever
tk-ue-chart-caption = Each lever moved by its realistic change (up; COGS and CPA down), the others unchanged.
tk-ue-constraint-lead = Current constraint:
tk-ue-tied = Gives the same: { $levers }.
tk-ue-exploit-lead = Exploit it first, getting the most out of what you have:
tk-ue-elevate-lead = Then elevate it by investing:
tk-ue-cflag-scaling-loses-money = More UA lowers profit: each new potential client costs more than it brings. Do not scale advertising until the economics of a sale are fixed.
tk-ue-cflag-equal-steps = No lever's realistic move is known, so every lever was moved by the same 10 %. That is a sensitivity check, not the constraint: with equal steps the price is almost always first. Estimate how far each lever can realistically move within a year and recompute.

tk-ue-exploit-ua = Find the channel with the best payback and move budget into it; bring back old contacts and leads nobody followed up.
tk-ue-elevate-ua = Launch a new acquisition channel or partnerships; hire a marketer for one channel.
tk-ue-exploit-c1 = Go through the last 20 deals that fell through: at which step and why the client left. Check that the first contact speaks of the client's problem in his own words (value proposition and problem interviews), and answer enquiries faster. Do not chase those who went silent: pressure lowers trust and repeat purchases.
tk-ue-elevate-c1 = Introduce a CRM and scripts, train salespeople, add a trial step to the funnel (demo, sample, free consultation).
tk-ue-exploit-avg-price = Raise the price for new clients, drop default discounts, add an upsell to the main product.
tk-ue-elevate-avg-price = Build a premium version or a bundle; work with a segment that values the benefit more than the price.
tk-ue-exploit-cogs = Renegotiate with current suppliers, cut waste and defects, simplify the product.
tk-ue-elevate-cogs = Change supplier or technology; automate the most expensive manual operation.
tk-ue-exploit-apc = Write to everyone who bought once: a reminder, a reason to come back, an offer for the next purchase.
tk-ue-elevate-apc = Launch a loyalty programme or a subscription; build regular communication by base segment.
tk-ue-exploit-cpa = Switch off the ads and platforms with the most expensive leads; improve the landing page and the ads.
tk-ue-elevate-cpa = Build free channels: referrals, partners, content, work with the existing base.

## The x2 plan

tk-x2-heading = The x2 plan: { $metric }
tk-x2-intro = Now the { $metric } is { $base }; the goal a year from now is { $target } (x{ $factor }), about { $monthly } growth every month.
tk-x2-breakeven-intro = Now the { $metric } is { $base }: doubling a loss means nothing. Break even first; below is what each lever must become to break even.
tk-x2-col-now = Now
tk-x2-col-needed = Needed
tk-x2-col-change = Change
tk-x2-alone-caption = Moving one lever alone
tk-x2-mix-lead = Balanced plan:
tk-x2-mix = every useful lever improves by { $change } at once (COGS and CPA go down).
tk-x2-mix-impossible = even improving every lever tenfold does not reach the goal: it needs another model or another market.
tk-x2-reason-no-effect = no effect
tk-x2-reason-out-of-range = not reachable
tk-x2-flag-ua-excluded = UA is not in the plan: while each sale loses money, more traffic only deepens the loss.

## Traction map

tk-tr-name-problem-interviews = Problem interviews
tk-tr-name-target-segments = Target segments
tk-tr-name-first-sales = First personal sales
tk-tr-name-channels = Acquisition channels
tk-tr-name-sales-process = Structuring and optimising the sales process
tk-tr-name-delegate-org = Delegating organisational work
tk-tr-name-delegate-tech = Delegating technical work
tk-tr-name-delegate-first-contact = Delegating first contact
tk-tr-name-delegate-qualification = Delegating qualification and deal defence
tk-tr-name-scaling = Scaling

tk-tr-q-problem-interviews = Have you run at least 10 problem interviews with clients and written down what they say?
tk-tr-q-target-segments = Have you chosen 1-3 target segments, and do you know how their problems differ?
tk-tr-q-first-sales = Have you closed the first sales in the target segment yourself (at least 5-10)?
tk-tr-q-channels = Is there at least one channel that steadily brings clients and pays back?
tk-tr-q-sales-process = Is the sales process written down step by step, with the conversion of each step, and are you improving it?
tk-tr-q-delegate-org = Is organisational work (documents, invoices, logistics) done by someone other than the owner?
tk-tr-q-delegate-tech = Is technical work (production, setup, support) done by someone other than the owner?
tk-tr-q-delegate-first-contact = Is the first contact with clients (calls, replies to leads) handled by someone other than the owner?
tk-tr-q-delegate-qualification = Do salespeople qualify clients and defend deals without the owner?
tk-tr-q-scaling = Are you scaling a working model: new regions, segments or channels?

tk-tr-answer-yes = Yes
tk-tr-answer-partly = Partly
tk-tr-answer-no = No

tk-tr-action-problem-interviews = Run 10 problem interviews with the script in this brief and write down the recurring problems and situations.
tk-tr-action-target-segments = Group clients by problem and situation; choose 1-3 segments with the highest price and purchase frequency.
tk-tr-action-first-sales = Make 10 sales personally in the chosen segment and note which objections come up and what convinces.
tk-tr-action-channels = Test 3 acquisition channels on a small budget and keep the one where CAC is below CLTV.
tk-tr-action-sales-process = Write the funnel down step by step, compute each step's conversion and improve the weakest one.
tk-tr-action-delegate-org = Hand documents, invoices and logistics to an assistant, with written procedures.
tk-tr-action-delegate-tech = Hire someone for the technical work you do yourself and describe the quality standard.
tk-tr-action-delegate-first-contact = Give lead handling and the first call to a salesperson with a script and a response-time target.
tk-tr-action-delegate-qualification = Hand qualification and deal defence to salespeople: criteria of a good client, answers to objections, your weekly call review.
tk-tr-action-scaling = Choose the next region, segment or channel and repeat the working model there, measuring the unit economics.
tk-tr-action-all-done = All steps are done: choose the growth metric for the year and plan weekly sprints of hypotheses (HADI).

tk-tr-status-done = done
tk-tr-status-in-progress = in progress
tk-tr-status-not-started = not started
tk-tr-status-skipped = done, but an earlier step is open

tk-tr-heading = Traction stage
tk-tr-stuck-lead = Stuck on step
tk-tr-stuck = { $number } of 10: { $step }. Steps fully done: { $done }.
tk-tr-all-done = All ten steps of the traction map are done.
tk-tr-action-lead = Next action:
tk-tr-col-step = Step
tk-tr-col-status = Status
tk-tr-map-caption = Traction map
tk-tr-skipped = { $count ->
    [one] The step "{ $steps }" was done before the earlier ones were closed: it will probably have to be redone.
   *[other] These steps were done before the earlier ones were closed: { $steps }. They will probably have to be redone.
}

## Growth metric

tk-gm-heading = Growth metric for the year
tk-gm-chosen-lead = Grow:
tk-gm-metric-revenue = revenue
tk-gm-metric-margin = gross margin
tk-gm-metric-operating-profit = operating profit
tk-gm-metric-net-profit = net profit

tk-gm-q-age = How old is the business?
tk-gm-q-growth = How did revenue grow over the last year?
tk-gm-q-unit-profit = Does one sale pay back the cost of acquiring the client?
tk-gm-q-market-room = Is there room in your market to grow several times over?
tk-gm-q-owner-payout = Do you take profit out of the business or pay off loans?
tk-gm-a-age-under-1 = under a year
tk-gm-a-age-1-3 = 1-3 years
tk-gm-a-age-over-3 = over 3 years
tk-gm-a-growth-fast = fast, over 30%
tk-gm-a-growth-slow = slowly
tk-gm-a-growth-flat = flat or down
tk-gm-a-unit-profit-yes = yes
tk-gm-a-unit-profit-no = no
tk-gm-a-unit-profit-unknown = don't know
tk-gm-a-market-room-yes = yes
tk-gm-a-market-room-no = no
tk-gm-a-market-room-unknown = don't know
tk-gm-a-owner-payout-yes = yes
tk-gm-a-owner-payout-no = no

tk-gm-why-unit-loss = One sale does not pay back its acquisition: more volume would multiply the loss, so grow margin first.
tk-gm-why-young = The business is under a year old: prove demand and grow revenue first.
tk-gm-why-fast-growth = Revenue grows fast and the market has room: taking market share matters more.
tk-gm-why-mature = The business is over three years old and growth has slowed: grow profit, not turnover.
tk-gm-why-payout = The owner takes profit out or pays off loans: what is left after all costs and taxes is what counts.
tk-gm-why-market-full = The market is close to saturation: grow through efficiency, not volume.
tk-gm-why-unit-unknown = Whether one sale pays back is unknown: compute the unit economics before growing volume.
tk-gm-why-explicit = The owner chose the metric.

## Brief

tk-brief-title = Strategy-session brief: { $name }
tk-brief-title-noname = Strategy-session brief
tk-brief-subtitle = Prepared on { $date } from the owner's answers. A five-minute read.
tk-brief-h-summary = The business in one paragraph
tk-brief-h-key = What to discuss first
tk-brief-h-vp = Value propositions
tk-brief-h-ue = Unit economics and the constraint
tk-brief-h-traction = Stage and growth metric
tk-brief-h-audit = Customer-base audit
tk-brief-h-interview = Appendix: problem-interview scripts
tk-brief-vp-heading = Segment { $number }: { $name }
tk-brief-interview-intro = The scripts are built from the owner's answers. Those are hypotheses: the interview checks whether clients think the same.
tk-brief-footer = Prepared by Kratno. Numbers are computed from the owner's answers and, where available, from the audit of the customer base.

tk-brief-sum-no-description = No description of the business was given.
tk-brief-sum-where = Industry and city: { $where }.
tk-brief-sum-economics = { $period }: { $buyers_text } new { $buyers ->
    [one] buyer
   *[other] buyers
}, their lifetime revenue { $revenue }, { $kind ->
    [period] the period's profit with current subscribers { $profit }
    [contribution] contribution profit { $profit } (fixed costs unknown, operating profit not computed)
   *[operating] operating profit { $profit }
}, CLTV/CAC { $ratio }.
tk-brief-sum-constraint = The current growth constraint is { $lever }.
tk-brief-sum-vp = { $count ->
    [one] { $count } segment is described
   *[other] { $count } segments are described
}; the average completeness of the value proposition is { $score } of 100.
tk-brief-sum-traction = On the traction map the business is stuck on step { $number }: { $step }.
tk-brief-sum-traction-done = All steps of the traction map are done.
tk-brief-sum-growth = The growth metric for the year is { $metric }.

tk-brief-key-constraint = The constraint is { $lever }.
tk-brief-key-vp = The weakest spot of the proposition "{ $segment }" (completeness { $score } of 100) is the { $field }. Ask:
tk-brief-key-traction = Next step on the traction map:
tk-brief-key-x2 = To double the { $metric } within a year, all levers together must improve by { $change }.
tk-brief-key-breakeven = The { $metric } is not positive: this year's goal is to break even, not to double.

tk-audit-fact-customers = Customers
tk-audit-fact-orders = Orders
tk-audit-fact-revenue = Revenue
tk-audit-fact-period = Data period
tk-audit-fact-aov = Average order value
tk-audit-fact-apc = Purchases per customer
tk-audit-fact-buyers-per-month = New buyers per month
tk-audit-findings = Key findings of the audit
tk-audit-cogs-unknown = The audit cannot know the cost of goods or the cost of acquisition: those numbers come from the owner.

## Errors

tk-audit-answers-no-cogs = The answers { $path } give no cost of goods (cogs or margin_pct in unit_economics): the steps are valued in revenue.
tk-err-file-missing = File not found: { $path }. Check the path.
tk-err-file-too-big = The answers file { $path } is too big (over 1 MB): it should be a short YAML or JSON file.
tk-err-file-unreadable = Could not read { $path } ({ $reason }): save the file as UTF-8.
tk-err-bad-syntax = Syntax error in { $path } near line { $line }: check the indentation and quotes.
tk-err-not-mapping = The section "{ $section }" must be a set of "key: value" pairs.
tk-err-not-list = The section "{ $section }" must be a list (each item starts with "- ").
tk-err-not-text = Expected text, found a nested section: { $value }.
tk-err-unknown-key = Unknown key "{ $name }" in section "{ $section }". Allowed: { $allowed }.
tk-err-bad-choice = "{ $value }" is not an answer to "{ $name }" in section "{ $section }". Allowed: { $allowed } (in quotes, e.g. "1_3", so that YAML does not read them as a number).
tk-err-nothing-to-do = The file has no section to compute: fill in value_propositions, unit_economics, traction or growth_metric.
tk-err-bad-change = The realistic change for "{ $lever }" is a percentage above 0 and at most { $top }, "history" (take it from the audit's history) or "unknown"; got "{ $value }".
tk-err-bad-report = The audit file { $path } does not look like a report.json.
tk-err-bad-audit-number = In the audit section, { $name } must be a positive number, not "{ $value }".
tk-err-unit-economics = Unit economics: { $problems }.
tk-err-write = Could not write files to { $path }: { $reason }.

tk-ue-err-missing = { $field } is missing
tk-ue-err-missing-cogs = give the cost of goods per sale (cogs) or the margin in percent (margin_pct)
tk-ue-err-not-number = { $field } = "{ $value }" is not a number
tk-ue-err-negative = { $field } cannot be negative ({ $value })
tk-ue-err-c1-zero = C1 is zero: without purchases there is nothing to compute
tk-ue-err-c1-percent = c1 = { $value } is above 1 and looks like a percentage: write { $hint } or "{ $value }%"
tk-ue-err-c1-range = c1 = { $value }: conversion is a share between 0 and 1
tk-ue-err-zero = { $field } must be above zero
tk-ue-err-apc-below-one = apc = { $value }: every buyer buys at least once, so APC is at least 1
tk-ue-err-margin-range = margin_pct = { $value }: the margin is a percentage above 0 and at most 100
tk-ue-err-tax-range = tax_pct = { $value }: the tax is a percentage below 100
tk-ue-err-period = unknown period "{ $value }": week, month, quarter or year
tk-ue-err-unknown-field = unknown field { $field }
tk-ue-err-cogs-margin-conflict = cogs { $value } and margin_pct disagree (cogs implies a { $hint }% margin): keep one of them
tk-ue-err-cogs-ge-price = cogs { $value } is not below the average price { $hint }: a sale brings no margin
tk-ue-err-bad-metric = unknown growth metric "{ $value }": { $hint }
tk-ue-err-bad-factor = growth factor "{ $value }" must be a number above 1

tk-cli-written = { $count ->
    [one] Wrote { $count } file
   *[other] Wrote { $count } files
}: { $files }

## Realistic levers and the audit

tk-ue-q-rc-ua = How far could UA (new potential clients) realistically grow within a year, in percent? For example, 20. If you do not know, take the figure from your base's history or skip.
tk-ue-q-rc-c1 = How far could the conversion to a first purchase (C1) realistically rise within a year, in percent of today's? For example, 15.
tk-ue-q-rc-avg-price = How far could the average check realistically rise within a year, in percent? For example, 5.
tk-ue-q-rc-cogs = How far could the cost of a sale realistically fall within a year, in percent? For example, 3.
tk-ue-q-rc-apc = How far could purchases per client (APC) realistically grow within a year, in percent? For example, 10.
tk-ue-q-rc-cpa = How far could the cost of a potential client (CPA) realistically fall within a year, in percent? For example, 10.
tk-ue-rc-history = 📊 +{ $change }, as in { $from } to { $to }
tk-ue-err-rc-range = A percentage above 0 and at most { $top } is needed, e.g. 10.
tk-ue-move-owner = (owner's estimate)
tk-ue-move-history = (base history)
tk-ue-move-equal-step = (equal step)
tk-ue-unranked = Not estimated and left out of the comparison: { $levers }. We do not invent a move for the owner.
tk-ue-history-none = Cannot be taken from the audit's history: { $levers }; in the comparable earlier period they were no better than now.
tk-ue-constraint-realistic = { $lever }: its realistic move brings more profit than the move of any other estimated lever.
tk-ue-constraint-equal-steps = not known yet. With equal steps { $lever } brings most, but no realistic move was estimated.
tk-ue-unknown = unknown
tk-ue-not-stated = not computed
tk-ue-formula-fixed-unknown = fixed costs unknown
tk-ue-in-existing-customers = Paying subscribers at the start of the period
tk-ue-out-period-revenue = Period revenue (all subscribers)
tk-ue-out-period-profit = Period profit (all subscribers)
tk-ue-formula-period-revenue = (current + new) × check
tk-ue-formula-period-profit = (current + new) × margin − marketing − fixed
tk-ue-out-payback = Buyer payback, purchases (payments)
tk-ue-formula-payback = CAC / (check − COGS)
tk-ue-err-model = unknown model "{ $value }": one_off or subscription
tk-gm-metric-contribution = contribution profit
tk-gm-why-established = The business is one to three years old and growth has slowed: grow profit, not turnover.
tk-vp-stop-advice-interviews-first = By your answers clients both asked for this benefit and name it themselves, but the problem interviews are not done yet: the check counts only after them. Run 5–10 interviews and compare the clients' words with yours.
tk-vp-part-segment = Who: { $text }
tk-vp-part-problem = Problem: { $text }
tk-vp-part-situation = When it arises: { $text }
tk-vp-part-solution = Solution: { $text }
tk-vp-part-benefit = Benefit beyond the solution: { $text }
tk-vp-part-proof = How the benefit is checked: { $text }

tk-brief-sum-constraint-realistic = The current growth constraint is { $lever }: its realistic move brings the most profit.
tk-brief-sum-constraint-equal-steps = The growth constraint is not known yet: the owner has not estimated how far the levers can realistically move.
tk-brief-key-constraint-unknown = Estimate with the owner how far each lever can realistically move within a year: without it the constraint cannot be named.
tk-brief-key-gap = The owner's answers and the audit differ by more than 25 %: { $fields }. Find out which figure to trust.
tk-brief-key-leak = The funnel loses most at the stage "{ $stage }".

tk-cmp-heading = The owner's answers and the base audit
tk-cmp-col-said = Owner
tk-cmp-col-measured = Audit
tk-cmp-col-gap = Difference
tk-cmp-buyers = New buyers per period
tk-cmp-avg-price = Average check
tk-cmp-apc = Purchases per client
tk-cmp-flag = ⚠ marks a difference over 25 %: the calculation uses the owner's figure, the audit's is shown beside it.
tk-cmp-revenue-lead = Revenue check:
tk-cmp-revenue-match = the audit gives { $audit } for the period (new customers { $new }, earlier ones { $existing }); the unit economics give { $ue }: the figures agree.
tk-cmp-revenue-differ = the audit gives { $audit } for the period (new customers { $new }, earlier ones { $existing }); the unit economics count the period's new buyers over their whole life, { $ue }, a difference of { $difference } ({ $share }). The two agree only with a steady inflow of customers; the difference shows how far today's inflow of new customers is below or above what the revenue rests on.

tk-tr-not-b2b = The ten-step traction map describes complex sales to businesses (B2B) and does not apply here. Instead: the growth metric by the business's age and stage, and the funnel stage where customers are lost.
tk-tr-b2b-only = The map describes complex sales to businesses (B2B); if you sell to people, go by the growth metric and the funnel.
tk-funnel-col-stage = Funnel stage
tk-funnel-caption = Shares from the owner's answers (C1) and from the base's last 12 months.
tk-funnel-none = No funnel data: fill in the unit economics or upload a sales export.
tk-funnel-acquisition = First purchase (C1)
tk-funnel-repeat = New clients' second purchase
tk-funnel-lapse = Go silent within a year
tk-funnel-comeback = Silent clients come back
tk-funnel-check = Average check
tk-funnel-leak-lead = Where the funnel leaks:
tk-funnel-leak-acquisition = the inflow of new customers: in the audit, fewer new customers pull revenue down most.
tk-funnel-leak-repeat = repeat purchases: clients buy again less often.
tk-funnel-leak-lapse = retention: fewer customers of the base buy again.
tk-funnel-leak-comeback = silent customers coming back.
tk-funnel-leak-check = the average check fell.
tk-ue-q-model = How do clients pay: separate purchases or a subscription?
tk-ue-q-existing-customers = How many subscribers are paying at the start of the period?
