# Renders the dashboard's main queries as PrometheusDashboardIT got them from a real Prometheus.
# From the repository root, after `./mvnw -pl budget-spring-autoconfigure -am verify`:
#   gnuplot -e "data='budget-spring-autoconfigure/target/prometheus-dashboard'" docs/observability/plot.gp
# Each query-N.tsv holds one data block per series; N is the query's position in docs/grafana/query-budget.json.
if (!exists("data")) data = 'budget-spring-autoconfigure/target/prometheus-dashboard'
set terminal pngcairo size 1400,900 font 'DejaVu Sans,10' noenhanced
set output 'docs/observability/dashboard-queries.png'
set multiplot layout 2,2 title "Query Budget dashboard queries over a PrometheusDashboardIT run (real Prometheus, 1 s scrapes)"
set key top left font ',8'
set xlabel 'seconds since the traffic started'
set grid
set logscale y
set title 'Queries per request: P95 (solid) against budget (dashed) and critical (dotted)'
set ylabel 'statements'
plot for [i=0:*] data.'/query-2.tsv' index i using 1:2 with lines lw 2 title columnheader(2), \
     for [i=0:*] data.'/query-4.tsv' index i using 1:2 with lines dt 2 title 'budget '.columnheader(2), \
     for [i=0:*] data.'/query-5.tsv' index i using 1:2 with lines dt 3 title 'critical '.columnheader(2)
unset logscale y
set title 'Budget utilisation: P95 / budget'
set ylabel 'ratio'
plot for [i=0:*] data.'/query-6.tsv' index i using 1:2 with lines lw 2 title columnheader(2)
set title 'Breaches per second by level'
set ylabel 'violations/s'
plot for [i=0:*] data.'/query-7.tsv' index i using 1:2 with lines lw 2 title columnheader(2)
set title 'DB time per request: P95 (solid), interpolated between the buckets, and mean (dashed)'
set ylabel 'seconds'
plot for [i=0:*] data.'/query-10.tsv' index i using 1:2 with lines lw 2 title columnheader(2), \
     for [i=0:*] data.'/query-11.tsv' index i using 1:2 with lines dt 2 title columnheader(2)
unset multiplot
